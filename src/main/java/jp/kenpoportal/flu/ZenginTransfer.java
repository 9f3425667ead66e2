package jp.kenpoportal.flu;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.List;

/**
 * The 全銀協 総合振込 file (DOMAIN.md §7): a header (データ区分 1), one data record (2) per transfer,
 * a trailer (8) and an end record (9), each 120 bytes of MS932 (Shift_JIS) followed by CR LF.
 * Numeric fields are right-justified and zero-filled, character fields half-width, left-justified
 * and space-filled. Names must already be in the 全銀 set ({@link ZenginKana}); a name longer than
 * its field is cut, as banks do.
 */
public final class ZenginTransfer {

	public static final Charset MS932 = Charset.forName("MS932");

	public static final int RECORD = 120;

	/** 種別コード 21: 総合振込. */
	private static final String KIND = "21";

	/** One transfer: the payee's account and the amount. accountType 1 普通, 2 当座, 4 貯蓄. */
	public record Transfer(String bankCode, String bankName, String branchCode, String branchName, String accountType,
			String accountNumber, String holder, long amount, String customerCode) {
	}

	private ZenginTransfer() {
	}

	public static byte[] write(FluPayer payer, LocalDate transferDate, List<Transfer> transfers) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		record(out, header(payer, transferDate));
		long total = 0;
		for (Transfer t : transfers) {
			record(out, data(t));
			total += t.amount();
		}
		record(out, "8" + num(transfers.size(), 6) + num(total, 12) + " ".repeat(101));
		record(out, "9" + " ".repeat(119));
		return out.toByteArray();
	}

	private static String header(FluPayer p, LocalDate date) {
		return "1" + KIND + "0" + num(p.requesterCode(), 10) + text(p.requesterName(), 40)
				+ String.format("%02d%02d", date.getMonthValue(), date.getDayOfMonth()) + num(p.bankCode(), 4)
				+ text(p.bankName(), 15) + num(p.branchCode(), 3) + text(p.branchName(), 15) + num(p.accountType(), 1)
				+ num(p.accountNumber(), 7) + " ".repeat(17);
	}

	private static String data(Transfer t) {
		// 受取人名 is the one name a bank checks against the account: a blank one is refused, not sent
		if (t.holder() == null || t.holder().isBlank()) {
			throw new IllegalArgumentException("no account holder name for customer " + t.customerCode());
		}
		// 手形交換所番号 unused (4 spaces); 新規コード 0; 顧客コード1/2 our reference; 振込指定区分 7 電信; no EDI
		return "2" + num(t.bankCode(), 4) + text(t.bankName(), 15) + num(t.branchCode(), 3) + text(t.branchName(), 15)
				+ " ".repeat(4) + num(t.accountType(), 1) + num(t.accountNumber(), 7) + text(t.holder(), 30)
				+ num(t.amount(), 10) + "0" + num(t.customerCode(), 10) + num(0, 10) + "7" + " " + " ".repeat(7);
	}

	private static void record(ByteArrayOutputStream out, String record) {
		byte[] bytes = record.getBytes(MS932);
		if (bytes.length != RECORD) {
			throw new IllegalStateException("a 全銀 record is 120 bytes, this one " + bytes.length);
		}
		out.writeBytes(bytes);
		out.writeBytes(new byte[] { '\r', '\n' });
	}

	private static String num(long value, int width) {
		String digits = Long.toString(value);
		if (value < 0 || digits.length() > width) {
			throw new IllegalArgumentException("does not fit N" + width + ": " + value);
		}
		return "0".repeat(width - digits.length()) + digits;
	}

	private static String num(String digits, int width) {
		if (digits == null || !digits.matches("[0-9]{1," + width + "}")) {
			throw new IllegalArgumentException("not N" + width + ": " + digits);
		}
		return "0".repeat(width - digits.length()) + digits;
	}

	/** Half-width, left-justified, space-filled; cut at the field's width (one byte per character in MS932). */
	private static String text(String value, int width) {
		String v = value == null ? "" : value;
		if (!v.isEmpty() && !ZenginKana.valid(v)) {
			throw new IllegalArgumentException("not in the 全銀 character set: " + v);
		}
		return v.length() >= width ? v.substring(0, width) : v + " ".repeat(width - v.length());
	}
}
