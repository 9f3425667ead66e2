package jp.kenpoportal.admin.imports;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.Writer;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;

/**
 * The streaming pass over a spooled file: encoding (UTF-8 with or without BOM, else MS932, read
 * strictly), the header row by Japanese names, then every row checked one at a time; good rows
 * go to {@code clean} (the COPY into staging, fed while the check reads), bad cells to the error
 * sink. From the first bad row on, nothing more goes to {@code clean} (the file will write
 * nothing) but every row is still checked for the report. Nothing but the current row is held,
 * whatever the file's size; {@code clean} is closed when the pass ends.
 */
final class FileCheck {

	static final Charset MS932 = Charset.forName("windows-31j");

	/** The longest record FastCSV buffers (characters): a "line" of megabytes is no roster row. */
	private static final int MAX_RECORD_CHARS = 256 * 1024;

	private static final int PROGRESS_EVERY = 5_000;

	/** What the pass found: the encoding, rows read and good, and a reason the whole file failed, if any. */
	record Outcome(String encoding, long rowsRead, long goodRows, String failure, String failureArg) {
	}

	interface Progress {

		void report(long bytesRead, long rowsRead);
	}

	private FileCheck() {
	}

	static Outcome run(SpooledFile file, RowFormat format, long jobId, long kenpoId, Writer clean,
			Consumer<RowError> errors, Progress progress) throws IOException {
		if (file.binaryKind() != null) {
			return new Outcome(null, 0, 0, "imports.error.binary", file.binaryKind());
		}
		if (file.size() == 0) {
			return new Outcome(null, 0, 0, "imports.error.empty", null);
		}
		Charset charset = file.validUtf8() ? StandardCharsets.UTF_8 : MS932;
		String encoding = !file.validUtf8() ? "Shift_JIS (MS932)" : file.utf8Bom() ? "UTF-8 (BOM付き)" : "UTF-8";
		Counting bytes = new Counting(Files.newInputStream(file.path()));
		if (file.utf8Bom()) {
			bytes.skipNBytes(3);
		}
		Reader reader = new InputStreamReader(bytes, charset.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT));
		long rows = 0;
		long good = 0;
		long line = 1;
		try (CsvReader<CsvRecord> csv = CsvReader.builder()
			.allowExtraFields(true)
			.allowMissingFields(true)
			.skipEmptyLines(true)
			.maxBufferSize(MAX_RECORD_CHARS)
			.ofCsvRecord(reader); CleanCsv out = new CleanCsv(clean)) {
			var records = csv.iterator();
			if (!records.hasNext()) {
				return new Outcome(encoding, 0, 0, "imports.error.empty", null);
			}
			CsvRecord header = records.next();
			Map<String, Integer> index = headerIndex(header, format.headers(), errors);
			if (index == null) {
				return new Outcome(encoding, 0, 0, "imports.error.header", null);
			}
			Fields fields = new Fields(index, errors);
			while (records.hasNext()) {
				CsvRecord record = records.next();
				line = record.getStartingLineNumber();
				rows++;
				if (record.getFieldCount() != header.getFieldCount()) {
					errors.accept(RowError.of(line, null, "imports.error.fieldCount",
							String.valueOf(header.getFieldCount()), null));
					out.stop();
				}
				else {
					fields.reset(line, record.getFields().toArray(String[]::new));
					out.number(jobId).number(kenpoId).number(line);
					format.convert(fields, out);
					if (fields.bad()) {
						out.discardRow();
						// the file writes nothing: the COPY need not take the rest
						out.stop();
					}
					else {
						out.endRow();
						good++;
					}
				}
				if (rows % PROGRESS_EVERY == 0) {
					progress.report(bytes.count, rows);
				}
			}
		}
		catch (CsvParseException e) {
			return new Outcome(encoding, rows, good, "imports.error.csvBroken", String.valueOf(line + 1));
		}
		catch (UncheckedIOException e) {
			if (e.getCause() instanceof CharacterCodingException) {
				return new Outcome(encoding, rows, good, "imports.error.encoding", String.valueOf(line + 1));
			}
			throw e;
		}
		progress.report(bytes.count, rows);
		if (rows == 0) {
			return new Outcome(encoding, 0, 0, "imports.error.noRows", null);
		}
		return new Outcome(encoding, rows, good, null, null);
	}

	/** Header names → cell index; every unknown, missing or repeated column is reported by name. */
	private static Map<String, Integer> headerIndex(CsvRecord header, List<String> expected,
			Consumer<RowError> errors) {
		Map<String, Integer> index = new HashMap<>();
		List<String> unknown = new ArrayList<>();
		Set<String> repeated = new LinkedHashSet<>();
		for (int i = 0; i < header.getFieldCount(); i++) {
			String name = Normalizer.normalize(header.getField(i), Normalizer.Form.NFKC).strip().replace("\uFEFF", "");
			String shown = name.codePoints().limit(RowError.VALUE_SHOWN)
				.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
			if (!expected.contains(name)) {
				unknown.add(shown);
			}
			else if (index.putIfAbsent(name, i) != null) {
				repeated.add(name);
			}
		}
		boolean ok = true;
		for (String name : unknown.stream().limit(100).toList()) {
			errors.accept(RowError.of(1, name, "imports.error.unknownColumn", null, null));
			ok = false;
		}
		for (String name : repeated) {
			errors.accept(RowError.of(1, name, "imports.error.repeatedColumn", null, null));
			ok = false;
		}
		for (String name : expected) {
			if (!index.containsKey(name)) {
				errors.accept(RowError.of(1, name, "imports.error.missingColumn", null, null));
				ok = false;
			}
		}
		return ok ? index : null;
	}

	/** Counts the bytes read, for the progress bar. */
	private static final class Counting extends FilterInputStream {

		long count;

		Counting(InputStream in) {
			super(in);
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b >= 0) {
				count++;
			}
			return b;
		}

		@Override
		public int read(byte[] b, int off, int len) throws IOException {
			int n = super.read(b, off, len);
			if (n > 0) {
				count += n;
			}
			return n;
		}

		@Override
		public long skip(long n) throws IOException {
			long s = super.skip(n);
			count += s;
			return s;
		}
	}
}
