package jp.kenpoportal.admin.dashboard;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.List;

import jp.kenpoportal.account.NotRegisteredMember;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The CSV's cells and encodings, and the charts' axis, without the portal. */
class NotRegisteredCsvTest {

	@Test
	void whenANameLooksLikeAFormulaOrHoldsACommaThenTheCellIsSafeAndQuoted() {
		assertThat(NotRegisteredCsv.field("=1+1")).isEqualTo("'=1+1");
		assertThat(NotRegisteredCsv.field("+81")).isEqualTo("'+81");
		assertThat(NotRegisteredCsv.field("-2")).isEqualTo("'-2");
		assertThat(NotRegisteredCsv.field("@cmd")).isEqualTo("'@cmd");
		assertThat(NotRegisteredCsv.field("＝SUM(A1)")).isEqualTo("'＝SUM(A1)");
		assertThat(NotRegisteredCsv.field("ヤマダ, タロウ")).isEqualTo("\"ヤマダ, タロウ\"");
		assertThat(NotRegisteredCsv.field("=\"x\"")).isEqualTo("\"'=\"\"x\"\"\"");
		assertThat(NotRegisteredCsv.field("山田 太郎")).isEqualTo("山田 太郎");
	}

	@Test
	void whenWrittenInMs932ThenACharacterItLacksBecomesGetaAndLinesEndInCrlf() throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		NotRegisteredCsv csv = new NotRegisteredCsv(out, CsvEncoding.MS932);
		csv.add(new NotRegisteredMember("10", "0001", "𠮷野 髙橋", "ヨシノ タカハシ", LocalDate.of(1980, 1, 2)));

		assertThat(csv.finish()).isEqualTo(1);
		assertThat(new String(out.toByteArray(), Charset.forName("windows-31j")))
			.isEqualTo("記号,番号,氏名,氏名カナ,生年月日\r\n10,0001,〓野 髙橋,ヨシノ タカハシ,1980/01/02\r\n");
	}

	@Test
	void whenTheLargestBarIsKnownThenTheAxisIsRoundAndItsMiddleWhole() {
		assertThat(List.of(0L, 1L, 3L, 5L, 9L, 11L, 250L, 999L).stream().map(BarChart::niceCeiling).toList())
			.containsExactly(0L, 2L, 4L, 6L, 10L, 20L, 400L, 1000L);
		BarChart chart = BarChart.of(List.of("a", "b", "c"), List.of(0L, 2L, 4L), 2);
		assertThat(chart.max()).isEqualTo(4);
		assertThat(chart.middle()).isEqualTo(2);
		assertThat(chart.total()).isEqualTo(6);
		assertThat(chart.bars().stream().map(BarChart.Bar::height).toList()).containsExactly(0, 85, 170);
		assertThat(chart.bars().stream().map(BarChart.Bar::label).toList()).containsExactly("a", null, "c");
	}
}
