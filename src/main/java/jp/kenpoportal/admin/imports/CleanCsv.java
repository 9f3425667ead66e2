package jp.kenpoportal.admin.imports;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.LocalDate;

/**
 * The checked rows, written as PostgreSQL's COPY CSV expects them (UTF-8): an empty unquoted
 * cell is NULL, every text is quoted, so an empty text and NULL never mix.
 */
final class CleanCsv implements AutoCloseable {

	private final Writer out;

	private final StringBuilder row = new StringBuilder(512);

	private boolean first = true;

	CleanCsv(Writer out) {
		this.out = out instanceof BufferedWriter ? out : new BufferedWriter(out, 64 * 1024);
	}

	CleanCsv text(String value) {
		separate();
		if (value != null) {
			write('"');
			write(value.indexOf('"') < 0 ? value : value.replace("\"", "\"\""));
			write('"');
		}
		return this;
	}

	CleanCsv number(Number value) {
		separate();
		if (value != null) {
			write(value.toString());
		}
		return this;
	}

	CleanCsv date(LocalDate value) {
		separate();
		if (value != null) {
			write(value.toString());
		}
		return this;
	}

	CleanCsv bool(boolean value) {
		separate();
		write(value ? "t" : "f");
		return this;
	}

	/** Writes the row built so far to the file. */
	void endRow() {
		row.append('\n');
		try {
			out.append(row);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		discardRow();
	}

	/** Forgets the row built so far (a bad row is never written). */
	void discardRow() {
		row.setLength(0);
		first = true;
	}

	private void separate() {
		if (!first) {
			write(',');
		}
		first = false;
	}

	private void write(String s) {
		row.append(s);
	}

	private void write(char c) {
		row.append(c);
	}

	@Override
	public void close() throws IOException {
		out.close();
	}
}
