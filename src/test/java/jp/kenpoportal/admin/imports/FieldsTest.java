package jp.kenpoportal.admin.imports;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cell checks read by loops instead of regular expressions and formatters (for speed) accept
 * and refuse exactly what the patterns did: each form of date, month and number, and the
 * near misses.
 */
class FieldsTest {

	private final List<RowError> errors = new ArrayList<>();

	private Fields cell(String value) {
		errors.clear();
		Fields f = new Fields(Map.of("c", 0), errors::add);
		f.reset(2, new String[] { value });
		return f;
	}

	private String reason() {
		return errors.isEmpty() ? null : errors.get(0).reason();
	}

	@Test
	void datesInEachFormAreReadAndImpossibleOnesRefused() {
		assertThat(cell("2026-04-01").date("c", true)).isEqualTo(LocalDate.of(2026, 4, 1));
		assertThat(cell("２０２６－０４－０１").date("c", true)).isEqualTo(LocalDate.of(2026, 4, 1));
		assertThat(cell("2026/4/1").date("c", true)).isEqualTo(LocalDate.of(2026, 4, 1));
		assertThat(cell("20260401").date("c", true)).isEqualTo(LocalDate.of(2026, 4, 1));
		assertThat(cell("2024-02-29").date("c", true)).isEqualTo(LocalDate.of(2024, 2, 29));
		for (String bad : new String[] { "2026-02-30", "2025-02-29", "2026-13-01", "2026-00-10", "2026-4-01", "2026-04-1x",
				"26-04-01", "2026-04-01T", "20260431" }) {
			assertThat(cell(bad).date("c", true)).as(bad).isNull();
			assertThat(reason()).as(bad).isEqualTo("imports.error.date");
		}
	}

	@Test
	void monthsInEachFormAreReadAndOthersRefused() {
		assertThat(cell("2026-04").month("c")).isEqualTo(YearMonth.of(2026, 4));
		assertThat(cell("2026-4").month("c")).isEqualTo(YearMonth.of(2026, 4));
		assertThat(cell("2026/4").month("c")).isEqualTo(YearMonth.of(2026, 4));
		assertThat(cell("202604").month("c")).isEqualTo(YearMonth.of(2026, 4));
		for (String bad : new String[] { "2026-13", "2026-00", "202613", "2026-4-1", "2026-", "26-04", "2026-004", "2026-a" }) {
			assertThat(cell(bad).month("c")).as(bad).isNull();
			assertThat(reason()).as(bad).isEqualTo("imports.error.month");
		}
	}

	@Test
	void numbersForgiveSeparatorsAndFullWidthDigitsButNothingElse() {
		assertThat(cell("12,340").number("c", 0, 100_000, true)).isEqualTo(12_340L);
		assertThat(cell("１２３").number("c", 0, 1000, true)).isEqualTo(123L);
		assertThat(cell("-5").number("c", -10, 10, true)).isEqualTo(-5L);
		assertThat(cell("999999999999999").number("c", 0, Long.MAX_VALUE, true)).isEqualTo(999_999_999_999_999L);
		for (String bad : new String[] { "-", "1.5", "1e3", "+5", "--5", "1234567890123456", "５円" }) {
			assertThat(cell(bad).number("c", -10, Long.MAX_VALUE, true)).as(bad).isNull();
			assertThat(reason()).as(bad).isEqualTo("imports.error.number");
		}
		assertThat(cell("-5").number("c", 0, 10, true)).isNull();
		assertThat(reason()).isEqualTo("imports.error.range");
	}

	@Test
	void codesDigitsControlCharactersAndLengthsAreCheckedAsBefore() {
		assertThat(cell("P-001_a").code("c", 20, true)).isEqualTo("P-001_a");
		assertThat(cell("Ｐ００１").code("c", 20, true)).isEqualTo("P001");
		assertThat(cell("P 001").code("c", 20, true)).isNull();
		assertThat(reason()).isEqualTo("imports.error.code");
		assertThat(cell("０１２３").digits("c", 4, 4, true)).isEqualTo("0123");
		assertThat(cell("12a4").digits("c", 4, 4, true)).isNull();
		assertThat(reason()).isEqualTo("imports.error.digitsExact");
		assertThat(cell("a\u0000b").required("c", 10)).isNull();
		assertThat(reason()).isEqualTo("imports.error.control");
		assertThat(cell("a\u007fb").required("c", 10)).isNull();
		assertThat(reason()).isEqualTo("imports.error.control");
		assertThat(cell("漢字漢字漢字").required("c", 6)).isEqualTo("漢字漢字漢字");
		assertThat(cell("漢字漢字漢字漢").required("c", 6)).isNull();
		assertThat(reason()).isEqualTo("imports.error.tooLong");
		assertThat(cell("\uD842\uDFB7\uD842\uDFB7").required("c", 2)).isEqualTo("\uD842\uDFB7\uD842\uDFB7");
	}
}
