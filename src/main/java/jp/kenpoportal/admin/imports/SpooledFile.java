package jp.kenpoportal.admin.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * An uploaded file, copied to a temporary file of this node as it arrives (never held in the
 * heap), with what one pass over its bytes tells: SHA-256, size, whether it opens with a UTF-8
 * BOM, whether all of it is valid UTF-8, and whether its first bytes say it is no text at all
 * (a ZIP, an image or a PDF renamed .csv).
 */
record SpooledFile(Path path, String sha256, long size, boolean utf8Bom, boolean validUtf8, String binaryKind) {

	private static final int CHUNK = 64 * 1024;

	static SpooledFile spool(InputStream in, Path directory) throws IOException {
		Path path = Files.createTempFile(directory, "import-", ".csv");
		try {
			return copy(in, path);
		}
		catch (IOException | RuntimeException e) {
			Files.deleteIfExists(path);
			throw e;
		}
	}

	private static SpooledFile copy(InputStream in, Path path) throws IOException {
		MessageDigest sha = newSha256();
		CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer pending = ByteBuffer.allocate(CHUNK + 8);
		CharBuffer chars = CharBuffer.allocate(CHUNK + 8);
		byte[] buffer = new byte[CHUNK];
		byte[] head = new byte[8];
		int headLength = 0;
		long size = 0;
		boolean valid = true;
		try (OutputStream out = Files.newOutputStream(path)) {
			int n;
			while ((n = in.read(buffer)) > 0) {
				out.write(buffer, 0, n);
				sha.update(buffer, 0, n);
				for (int i = 0; i < n && headLength < head.length; i++) {
					head[headLength++] = buffer[i];
				}
				size += n;
				if (valid) {
					valid = decodes(utf8, pending, chars, buffer, n, false);
				}
			}
		}
		if (valid) {
			valid = decodes(utf8, pending, chars, new byte[0], 0, true);
		}
		boolean bom = headLength >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF;
		return new SpooledFile(path, HexFormat.of().formatHex(sha.digest()), size, bom, valid, binaryKind(head, headLength));
	}

	/** Feeds the bytes to the decoder, keeping an incomplete sequence at the end for the next chunk. */
	private static boolean decodes(CharsetDecoder decoder, ByteBuffer pending, CharBuffer chars, byte[] bytes, int n,
			boolean end) {
		int offset = 0;
		while (offset < n || end) {
			int take = Math.min(pending.remaining(), n - offset);
			pending.put(bytes, offset, take);
			offset += take;
			pending.flip();
			CoderResult result;
			do {
				chars.clear();
				result = decoder.decode(pending, chars, end && offset >= n);
			}
			while (result.isOverflow());
			if (result.isError()) {
				return false;
			}
			pending.compact();
			if (end) {
				if (pending.position() > 0) {
					return false;
				}
				chars.clear();
				return !decoder.flush(chars).isError();
			}
		}
		return true;
	}

	/** What the first bytes say the file is, when it is no text: null for text. */
	static String binaryKind(byte[] head, int length) {
		if (startsWith(head, length, 0x50, 0x4B, 0x03, 0x04) || startsWith(head, length, 0x50, 0x4B, 0x05, 0x06)) {
			return "ZIP";
		}
		if (startsWith(head, length, 0x89, 0x50, 0x4E, 0x47)) {
			return "PNG";
		}
		if (startsWith(head, length, 0xFF, 0xD8, 0xFF)) {
			return "JPEG";
		}
		if (startsWith(head, length, 0x47, 0x49, 0x46, 0x38)) {
			return "GIF";
		}
		if (startsWith(head, length, 0x25, 0x50, 0x44, 0x46)) {
			return "PDF";
		}
		if (startsWith(head, length, 0xD0, 0xCF, 0x11, 0xE0)) {
			return "Excel (xls)";
		}
		if (startsWith(head, length, 0x1F, 0x8B)) {
			return "gzip";
		}
		if (startsWith(head, length, 0xFF, 0xFE) || startsWith(head, length, 0xFE, 0xFF)) {
			return "UTF-16";
		}
		return null;
	}

	private static boolean startsWith(byte[] head, int length, int... magic) {
		if (length < magic.length) {
			return false;
		}
		for (int i = 0; i < magic.length; i++) {
			if ((head[i] & 0xff) != magic[i]) {
				return false;
			}
		}
		return true;
	}

	private static MessageDigest newSha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	void delete() {
		try {
			Files.deleteIfExists(path);
		}
		catch (IOException e) {
			// a temporary file: the OS's tmp cleaning takes it if we cannot
		}
	}
}
