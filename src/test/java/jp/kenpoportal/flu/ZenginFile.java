package jp.kenpoportal.flu;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An independent reader of the 全銀協 総合振込 file for the tests, written from the field table of
 * DOMAIN.md §7 (1-based byte positions), not from the writer: every record must be 120 bytes
 * followed by CR LF, in the order header, data…, trailer, end.
 */
public final class ZenginFile {

	private static final Charset MS932 = Charset.forName("MS932");

	public record Header(String kind, String codeType, String requesterCode, String requesterName, String date,
			String bankCode, String bankName, String branchCode, String branchName, String accountType,
			String accountNumber) {
	}

	public record Data(String bankCode, String bankName, String branchCode, String branchName, String accountType,
			String accountNumber, String holder, long amount, String newCode, String customerCode1, String transferKind) {
	}

	public record Parsed(Header header, List<Data> data, int count, long total) {
	}

	private ZenginFile() {
	}

	public static Parsed parse(byte[] file) {
		if (file.length % 122 != 0) {
			throw new AssertionError("not a whole number of 120-byte records with CR LF: " + file.length);
		}
		List<byte[]> records = new ArrayList<>();
		for (int at = 0; at < file.length; at += 122) {
			if (file[at + 120] != '\r' || file[at + 121] != '\n') {
				throw new AssertionError("record at " + at + " does not end in CR LF");
			}
			records.add(Arrays.copyOfRange(file, at, at + 120));
		}
		byte[] h = records.get(0);
		expect(h, 1, 1, "1");
		Header header = new Header(f(h, 2, 3), f(h, 4, 4), f(h, 5, 14), f(h, 15, 54).stripTrailing(), f(h, 55, 58),
				f(h, 59, 62), f(h, 63, 77).stripTrailing(), f(h, 78, 80), f(h, 81, 95).stripTrailing(), f(h, 96, 96),
				f(h, 97, 103));
		expect(h, 104, 120, " ".repeat(17));
		List<Data> data = new ArrayList<>();
		int i = 1;
		for (; f(records.get(i), 1, 1).equals("2"); i++) {
			byte[] d = records.get(i);
			data.add(new Data(f(d, 2, 5), f(d, 6, 20).stripTrailing(), f(d, 21, 23), f(d, 24, 38).stripTrailing(),
					f(d, 43, 43), f(d, 44, 50), f(d, 51, 80).stripTrailing(), Long.parseLong(f(d, 81, 90)), f(d, 91, 91),
					f(d, 92, 101), f(d, 112, 112)));
			expect(d, 113, 120, " ".repeat(8));
		}
		byte[] t = records.get(i);
		expect(t, 1, 1, "8");
		int count = Integer.parseInt(f(t, 2, 7));
		long total = Long.parseLong(f(t, 8, 19));
		expect(t, 20, 120, " ".repeat(101));
		byte[] e = records.get(i + 1);
		expect(e, 1, 1, "9");
		expect(e, 2, 120, " ".repeat(119));
		if (records.size() != i + 2) {
			throw new AssertionError("records after the end record");
		}
		return new Parsed(header, data, count, total);
	}

	/** Bytes from..to (1-based, inclusive) as MS932 text. */
	static String f(byte[] record, int from, int to) {
		return new String(record, from - 1, to - from + 1, MS932);
	}

	private static void expect(byte[] record, int from, int to, String value) {
		String actual = f(record, from, to);
		if (!actual.equals(value)) {
			throw new AssertionError("bytes " + from + "–" + to + ": expected [" + value + "] but was [" + actual + "]");
		}
	}
}
