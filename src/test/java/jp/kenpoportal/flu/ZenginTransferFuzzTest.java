package jp.kenpoportal.flu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.Test;

/**
 * Whatever members typed as the account holder's name, and whatever the bank list holds, the
 * 全銀 file either parses back with the tests' own reader ({@link ZenginFile}: 120-byte Shift_JIS
 * records with CR LF, header, data, trailer, end) with every field as given, or is refused whole
 * with an {@link IllegalArgumentException} when a value cannot be encoded or the holder's name is
 * blank; a file made only of encodable values is never refused. Kept inputs:
 * {@code src/test/resources/jp/kenpoportal/flu/ZenginTransferFuzzTestInputs/}.
 */
class ZenginTransferFuzzTest {

	private static final FluPayer PAYER = new FluPayer("1234567890", "ｻｸﾗﾃﾞﾝｷｹﾝｺｳﾎｹﾝｸﾐｱｲ", "0001", "ﾐｽﾞﾎ", "001",
			"ﾄｳｷﾖｳｴｲｷﾞﾖｳﾌﾞ", "1", "1234567");

	@FuzzTest(maxDuration = "3m")
	void theTransferFileParsesBackOrIsRefusedWhole(FuzzedDataProvider data) {
		int count = data.consumeInt(0, 5);
		List<ZenginTransfer.Transfer> transfers = new ArrayList<>();
		boolean encodable = true;
		long total = 0;
		for (int i = 0; i < count; i++) {
			String typed = data.consumeString(50);
			// mostly what the application stores (the typed name turned into 全銀 kana), sometimes raw text
			String holder = data.consumeBoolean() ? ZenginKana.of(typed).orElse(typed) : typed;
			String bankName = ZenginKana.of(data.consumeString(20)).orElse("");
			String accountNumber = digits(data, 7);
			long amount = data.consumeBoolean() ? data.consumeLong(0, 9_999_999_999L) : data.consumeLong();
			encodable &= ZenginKana.valid(holder) && !holder.isBlank() && amount >= 0 && amount <= 9_999_999_999L;
			total += Math.max(0, amount);
			transfers.add(new ZenginTransfer.Transfer(digits(data, 4), bankName, digits(data, 3), "ﾎﾝﾃﾝ",
					String.valueOf(data.pickValue(new int[] { 1, 2, 4 })), accountNumber, holder, amount,
					Long.toString(data.consumeLong(0, 9_999_999_999L))));
		}
		encodable &= total <= 999_999_999_999L;
		LocalDate date = LocalDate.ofEpochDay(data.consumeLong(0, 30_000));
		if (!encodable) {
			assertThatThrownBy(() -> ZenginTransfer.write(PAYER, date, transfers))
				.isInstanceOf(IllegalArgumentException.class);
			return;
		}
		byte[] file = ZenginTransfer.write(PAYER, date, transfers);
		assertThat(file.length).isEqualTo(122 * (transfers.size() + 3));
		ZenginFile.Parsed parsed = ZenginFile.parse(file);
		assertThat(parsed.count()).isEqualTo(transfers.size());
		assertThat(parsed.total()).isEqualTo(total);
		assertThat(parsed.header().date()).isEqualTo(String.format("%02d%02d", date.getMonthValue(), date.getDayOfMonth()));
		for (int i = 0; i < transfers.size(); i++) {
			ZenginTransfer.Transfer t = transfers.get(i);
			ZenginFile.Data d = parsed.data().get(i);
			assertThat(d.holder()).isEqualTo(cut(t.holder(), 30));
			assertThat(d.bankName()).isEqualTo(cut(t.bankName(), 15));
			assertThat(d.amount()).isEqualTo(t.amount());
			assertThat(d.accountNumber()).isEqualTo(t.accountNumber());
			assertThat(d.accountType()).isEqualTo(t.accountType());
		}
	}

	/** Found by fuzzing: a blank 受取人名 was written as spaces instead of being refused. */
	@Test
	void whenTheHolderNameIsBlankThenNothingIsWritten() {
		for (String blank : new String[] { "", "   " }) {
			assertThatThrownBy(() -> ZenginTransfer.write(PAYER, LocalDate.of(2026, 11, 30), List.of(
					new ZenginTransfer.Transfer("0005", "ﾐﾂﾋﾞｼ", "001", "ﾎﾝﾃﾝ", "1", "0012345", blank, 4000, "1"))))
				.isInstanceOf(IllegalArgumentException.class);
		}
	}

	private static String digits(FuzzedDataProvider data, int width) {
		return String.format("%0" + width + "d", data.consumeLong(0, (long) Math.pow(10, width) - 1));
	}

	private static String cut(String v, int width) {
		return (v.length() > width ? v.substring(0, width) : v).stripTrailing();
	}
}
