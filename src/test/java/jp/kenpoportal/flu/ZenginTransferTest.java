package jp.kenpoportal.flu;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The 全銀協 総合振込 file, byte for byte against DOMAIN.md §7, read back by a parser of its own. */
class ZenginTransferTest {

	private static final FluPayer PAYER = new FluPayer("1234567890", "ｻｸﾗﾃﾞﾝｷｹﾝｺｳﾎｹﾝｸﾐｱｲ", "0001", "ﾐｽﾞﾎ", "001",
			"ﾄｳｷﾖｳｴｲｷﾞﾖｳﾌﾞ", "1", "1234567");

	@Test
	void whenTwoTransfersAreWrittenThenHeaderDataTrailerAndEndHoldEveryField() {
		byte[] file = ZenginTransfer.write(PAYER, LocalDate.of(2026, 11, 30), List.of(
				new ZenginTransfer.Transfer("0005", "ﾐﾂﾋﾞｼﾕ-ｴﾌｼﾞｴｲ", "001", "ﾎﾝﾃﾝ", "1", "0012345", "ﾔﾏﾀﾞ ﾀﾛｳ", 4000, "17"),
				new ZenginTransfer.Transfer("9900", "ﾕｳﾁﾖ", "018", "ｾﾞﾛｲﾁﾊﾁ", "1", "7654321", "ｲﾄｳ ﾅｵｺ", 1500, "18")));

		assertThat(file).hasSize(5 * 122);
		ZenginFile.Parsed parsed = ZenginFile.parse(file);
		assertThat(parsed.header()).isEqualTo(new ZenginFile.Header("21", "0", "1234567890", "ｻｸﾗﾃﾞﾝｷｹﾝｺｳﾎｹﾝｸﾐｱｲ", "1130",
				"0001", "ﾐｽﾞﾎ", "001", "ﾄｳｷﾖｳｴｲｷﾞﾖｳﾌﾞ", "1", "1234567"));
		assertThat(parsed.data()).containsExactly(
				new ZenginFile.Data("0005", "ﾐﾂﾋﾞｼﾕ-ｴﾌｼﾞｴｲ", "001", "ﾎﾝﾃﾝ", "1", "0012345", "ﾔﾏﾀﾞ ﾀﾛｳ", 4000, "0",
						"0000000017", "7"),
				new ZenginFile.Data("9900", "ﾕｳﾁﾖ", "018", "ｾﾞﾛｲﾁﾊﾁ", "1", "7654321", "ｲﾄｳ ﾅｵｺ", 1500, "0", "0000000018",
						"7"));
		assertThat(parsed.count()).isEqualTo(2);
		assertThat(parsed.total()).isEqualTo(5500);
	}

	@Test
	void halfWidthKanaIsOneByteEachInShiftJis() {
		byte[] file = ZenginTransfer.write(PAYER, LocalDate.of(2027, 1, 5), List.of());
		// ｻ is 0xBB in JIS X 0201; the name starts at byte 15
		assertThat(file[14] & 0xFF).isEqualTo(0xBB);
		assertThat(ZenginFile.f(java.util.Arrays.copyOf(file, 120), 55, 58)).isEqualTo("0105");
		assertThat(ZenginFile.parse(file).count()).isZero();
	}

	@Test
	void whenANameHasCharactersOutsideTheZenginSetThenNothingIsWritten() {
		assertThatThrownBy(() -> ZenginTransfer.write(PAYER, LocalDate.of(2026, 11, 30), List.of(
				new ZenginTransfer.Transfer("0005", "ﾐﾂﾋﾞｼ", "001", "ﾎﾝﾃﾝ", "1", "0012345", "山田太郎", 4000, "1"))))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void typedNamesBecomeZenginKanaOrAreRefused() {
		assertThat(ZenginKana.of("ヤマダ　タロウ")).contains("ﾔﾏﾀﾞ ﾀﾛｳ");
		assertThat(ZenginKana.of("きょうこ")).contains("ｷﾖｳｺ");
		assertThat(ZenginKana.of("ｶﾞｯｺｳ")).contains("ｶﾞﾂｺｳ");
		assertThat(ZenginKana.of("パン (カ")).contains("ﾊﾟﾝ (ｶ");
		assertThat(ZenginKana.of("ｙａｍａｄａ")).contains("YAMADA");
		assertThat(ZenginKana.of("ユーコ")).isEmpty();
		assertThat(ZenginKana.of("山田")).isEmpty();
		assertThat(ZenginKana.of("ヤマダ,タロウ")).isEmpty();
	}
}
