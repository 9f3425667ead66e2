package jp.kenpoportal.admin.imports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ASVS 5.0 2.1.1 and 2.1.2 ask for documentation of the input rules: for the core system's files,
 * docs/imports/README.md. This keeps it true to the parsers: each format's section lists exactly
 * the columns its parser reads, in order, each with its format, and the roster's section states the
 * rules that join fields and rows.
 */
class ImportDocumentationTest {

	private static final Path DOC = Path.of("docs/imports/README.md");

	private static final Map<String, List<String>> FORMATS = Map.of("roster", RosterFormat.HEADERS, "claims",
			ClaimFormat.HEADERS, "decisions", DecisionFormat.HEADERS, "accounts", AccountFormat.HEADERS);

	@Test
	void theImportDocumentListsEveryColumnOfEveryFormatWithItsFormat() throws IOException {
		for (Map.Entry<String, List<String>> format : FORMATS.entrySet()) {
			List<String[]> rows = table(section(format.getKey()));

			// a row may document two columns that go together ("期間開始, 期間終了")
			assertThat(rows.stream().flatMap(cells -> java.util.Arrays.stream(cells[0].split(", "))).toList())
				.as("columns of %s in %s", format.getKey(), DOC)
				.containsExactlyElementsOf(format.getValue());
			assertThat(rows).as("each column of %s names whether it is required and its format", format.getKey())
				.allSatisfy(cells -> assertThat(cells[1]).isNotBlank())
				.allSatisfy(cells -> assertThat(cells[2]).isNotBlank());
		}
	}

	@Test
	void theRosterSectionStatesTheRulesAcrossFieldsAndRows() throws IOException {
		String roster = section("roster");

		assertThat(roster).contains("not before 生年月日", "after 資格取得日", "Checked across rows",
				"a 個人番号 or a 記号・番号・枝番 twice", "a dependant without the household's");
	}

	/** The text of the section whose heading ends in the format's key, up to the next section. */
	private static String section(String key) throws IOException {
		String doc = Files.readString(DOC, StandardCharsets.UTF_8);
		int start = doc.indexOf("— `" + key + "`\n");
		assertThat(start).as("section of %s in %s", key, DOC).isPositive();
		int end = doc.indexOf("\n## ", start);
		return doc.substring(start, end < 0 ? doc.length() : end);
	}

	/** The cells of the section's first table, without its header and separator rows. */
	private static List<String[]> table(String section) {
		List<String[]> rows = new ArrayList<>();
		boolean inTable = false;
		for (String line : section.split("\n")) {
			if (line.startsWith("| column |")) {
				inTable = true;
			}
			else if (inTable && line.startsWith("| ---")) {
				continue;
			}
			else if (inTable && line.startsWith("| ")) {
				String[] cells = line.substring(2, line.length() - 2).split(" \\| ", -1);
				rows.add(new String[] { cells[0].trim(), cells[1].trim(), cells[2].trim() });
			}
			else if (inTable) {
				break;
			}
		}
		return rows;
	}
}
