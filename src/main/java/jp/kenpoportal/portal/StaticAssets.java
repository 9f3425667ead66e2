package jp.kenpoportal.portal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The version of the portal's stylesheet, scripts and icon: a hash of their content, read once at
 * start. Pages link them with {@code ?v=<version>}, and the files are cached for a year, so a
 * new release is fetched at once and an unchanged one never again. (Spring's resource chain
 * does the same per URL, but resolving each link through it doubled the CPU of a page view.)
 */
@Component
public class StaticAssets {

	private static final List<String> FILES = List.of("static/css/portal.css", "static/js/portal.js",
			"static/js/passkey.js", "static/favicon.ico");

	private final String version;

	StaticAssets() {
		this.version = hash();
	}

	public String version() {
		return version;
	}

	private static String hash() {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			for (String file : FILES) {
				try (InputStream in = new ClassPathResource(file).getInputStream()) {
					digest.update(in.readAllBytes());
				}
			}
			return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
