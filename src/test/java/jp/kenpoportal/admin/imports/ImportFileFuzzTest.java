package jp.kenpoportal.admin.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import jp.kenpoportal.tenant.Kenpo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Any uploaded file, of any of the four kinds (roster, claims, decisions, accounts), ends in an
 * outcome with a Japanese message (a whole-file failure, or errors per cell) and never in an
 * exception; the clean file handed to PostgreSQL's COPY holds only good rows, all of the same
 * width and without a NUL (which COPY refuses). The bytes go through the same spooling
 * ({@link SpooledFile}: encoding detection, binary sniffing) and {@link FileCheck} as an upload.
 * Kept inputs: {@code src/test/resources/jp/kenpoportal/admin/imports/ImportFileFuzzTestInputs/}.
 */
class ImportFileFuzzTest {

	private static final Properties MESSAGES = new Properties();

	private static Path directory;

	@BeforeAll
	static void load() throws IOException {
		try (InputStream in = ImportFileFuzzTest.class.getResourceAsStream("/i18n/console-imports_ja.properties")) {
			MESSAGES.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
		}
		directory = Files.createTempDirectory("import-fuzz");
	}

	@AfterAll
	static void clean() throws IOException {
		try (var files = Files.list(directory)) {
			for (Path p : files.toList()) {
				Files.deleteIfExists(p);
			}
		}
		Files.deleteIfExists(directory);
	}

	@FuzzTest(maxDuration = "3m")
	void anyFileOfAnyKindEndsInJapaneseMessagesAndACleanCopyFile(FuzzedDataProvider data) throws IOException {
		int kind = data.consumeInt(0, 3);
		boolean withHeader = data.consumeBoolean();
		int symbolDigits = data.consumeInt(1, 8);
		int numberDigits = data.consumeInt(1, 10);
		RowFormat format = switch (kind) {
			case 0 -> new RosterFormat(kenpo(symbolDigits, numberDigits));
			case 1 -> new ClaimFormat();
			case 2 -> new DecisionFormat();
			default -> new AccountFormat();
		};
		byte[] rest = data.consumeRemainingAsBytes();
		// half the runs start with the right header row, so the fuzzer spends its time on the cells
		byte[] bytes = withHeader ? concat((String.join(",", format.headers()) + "\r\n").getBytes(
				data.consumeBoolean() ? StandardCharsets.UTF_8 : FileCheck.MS932), rest) : rest;
		check(format, bytes);
	}

	private static void check(RowFormat format, byte[] bytes) throws IOException {
		SpooledFile file = SpooledFile.spool(new ByteArrayInputStream(bytes), directory);
		java.io.StringWriter clean = new java.io.StringWriter();
		List<RowError> errors = new ArrayList<>();
		try {
			FileCheck.Outcome outcome = FileCheck.run(file, format, 7, 1, clean, errors::add, (b, r) -> {
			});
			if (outcome.failure() != null) {
				assertThat(MESSAGES).containsKey(outcome.failure());
			}
			for (RowError error : errors) {
				assertThat(MESSAGES).containsKey(error.reason());
			}
			String written = clean.toString();
			assertThat(written).doesNotContain("\0");
			try (CsvReader<CsvRecord> csv = CsvReader.builder().ofCsvRecord(written)) {
				long rows = 0;
				Set<Integer> widths = new java.util.HashSet<>();
				for (CsvRecord record : csv) {
					rows++;
					widths.add(record.getFieldCount());
					assertThat(record.getField(0)).isEqualTo("7");
				}
				// from the first bad row on, the check feeds the COPY nothing more
				if (errors.isEmpty()) {
					assertThat(rows).isEqualTo(outcome.goodRows());
				}
				else {
					assertThat(rows).isLessThanOrEqualTo(outcome.goodRows());
				}
				assertThat(widths).hasSizeLessThanOrEqualTo(1);
			}
		}
		catch (UncheckedIOException e) {
			throw new AssertionError("an upload ended in an exception instead of a message", e);
		}
		finally {
			file.delete();
		}
	}

	private static Kenpo kenpo(int symbolDigits, int numberDigits) {
		return new Kenpo(1, "fuzz", "fuzz.localhost", "テスト健康保険組合", "06130454", "kenpo@example.jp", null,
				"https://fuzz.localhost", symbolDigits, numberDigits, null, Set.of(), null, null, List.of(), List.of());
	}

	private static byte[] concat(byte[] a, byte[] b) {
		byte[] both = new byte[a.length + b.length];
		System.arraycopy(a, 0, both, 0, a.length);
		System.arraycopy(b, 0, both, a.length, b.length);
		return both;
	}
}
