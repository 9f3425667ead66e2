package jp.kenpoportal.admin.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.LocalDate;

/**
 * The checked rows, written as PostgreSQL's COPY CSV expects them: an empty unquoted cell is
 * NULL, every text is quoted, so an empty text and NULL never mix.
 */
final class CleanCsv implements AutoCloseable {

	private final Writer out;

	private final StringBuilder row = new StringBuilder(512);

	private boolean first = true;

	private boolean stopped;

	/** Writes each row to {@code out} with one call: give it a writer that buffers (the {@link CopyPipe} does). */
	CleanCsv(Writer out) {
		this.out = out;
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

	/** Writes the row built so far (after {@link #stop()}: forgets it). */
	void endRow() {
		if (stopped) {
			discardRow();
			return;
		}
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

	/** Ends the output here (closes it): rows that follow are checked but written nowhere. */
	void stop() throws IOException {
		if (!stopped) {
			stopped = true;
			out.close();
		}
	}

	@Override
	public void close() throws IOException {
		stop();
	}
}
