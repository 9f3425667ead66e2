package jp.kenpoportal.admin.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A job's whole error report as CSV (UTF-8 with BOM, so Excel reads it): 行, 列, 理由, 値. A
 * value that a spreadsheet would take for a formula is written with a leading apostrophe, so
 * opening the report never runs what a hostile file put in a cell.
 */
@Component
class ErrorReportCsv {

	private final ImportErrors errors;

	private final MessageSource messages;

	ErrorReportCsv(ImportErrors errors, MessageSource messages) {
		this.errors = errors;
		this.messages = messages;
	}

	void write(ImportJob job, Writer out) throws IOException {
		out.write('\uFEFF');
		out.write("行,列,理由,値\r\n");
		if (job.failure() != null && !"imports.error.rows".equals(job.failure())) {
			out.write(",," + cell(reason(job.failure(), job.failureArg())) + ",\r\n");
		}
		try {
			errors.each(job.id(), e -> {
				try {
					out.write(e.line() + "," + cell(e.column()) + "," + cell(reason(e.reason(), e.reasonArg())) + ","
							+ cell(e.value()) + "\r\n");
				}
				catch (IOException x) {
					throw new UncheckedIOException(x);
				}
			});
		}
		catch (UncheckedIOException e) {
			throw e.getCause();
		}
	}

	String reason(String key, String arg) {
		return messages.getMessage(key, new Object[] { arg == null ? "" : arg }, key, Locale.JAPANESE);
	}

	static String cell(String value) {
		if (value == null) {
			return "";
		}
		String v = value;
		if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
			v = "'" + v;
		}
		return "\"" + v.replace("\"", "\"\"") + "\"";
	}
}
