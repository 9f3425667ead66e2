package jp.kenpoportal.document;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.springframework.core.io.ClassPathResource;

/**
 * A font file read from the classpath once: every document parses its own copy (PDFBox fonts are
 * not thread-safe), but none waits for the 5 MB file again.
 */
final class EmbeddedFont {

	private final byte[] bytes;

	private EmbeddedFont(byte[] bytes) {
		this.bytes = bytes;
	}

	static EmbeddedFont read(String path) {
		try (InputStream in = new ClassPathResource(path).getInputStream()) {
			return new EmbeddedFont(in.readAllBytes());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	InputStream stream() {
		return new ByteArrayInputStream(bytes);
	}
}
