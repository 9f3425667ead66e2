package jp.kenpoportal.flu;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

import javax.imageio.ImageIO;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;

/** Receipt files made for the upload checks: good ones, and hostile ones. */
public final class CraftedFiles {

	private CraftedFiles() {
	}

	/** A small photo of a "receipt". */
	public static byte[] jpeg() {
		return image("jpeg", 120, 90);
	}

	public static byte[] png() {
		return image("png", 60, 40);
	}

	/** A JPEG carrying an EXIF segment with GPS text right after its start marker. */
	public static byte[] jpegWithExifGps() {
		byte[] jpeg = jpeg();
		byte[] payload = "Exif\0\0GPSLatitude 35.6812N GPSLongitude 139.7671E".getBytes(StandardCharsets.ISO_8859_1);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(jpeg, 0, 2);
		out.write(0xFF);
		out.write(0xE1);
		int length = payload.length + 2;
		out.write(length >> 8);
		out.write(length & 0xFF);
		out.writeBytes(payload);
		out.write(jpeg, 2, jpeg.length - 2);
		return out.toByteArray();
	}

	/** A valid JPEG with an HTML page appended: a browser sniffing it might run the script. */
	public static byte[] polyglotJpegHtml() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(jpeg());
		out.writeBytes("<html><body><script>alert(document.cookie)</script></body></html>".getBytes(StandardCharsets.UTF_8));
		return out.toByteArray();
	}

	public static byte[] html() {
		return "<!DOCTYPE html><html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
	}

	public static byte[] pdf() {
		return pdf(false);
	}

	public static byte[] pdfWithJavaScript() {
		return pdf(true);
	}

	/** An iPhone-style HEIC header (ftyp box, brand heic); the rest does not matter to the check. */
	public static byte[] heic() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(new byte[] { 0, 0, 0, 0x18 });
		out.writeBytes("ftypheic\0\0\0\0mif1heic".getBytes(StandardCharsets.US_ASCII));
		out.writeBytes(new byte[200]);
		return out.toByteArray();
	}

	/**
	 * A PNG that declares 20,000 × 20,000 pixels (400 million, 1.6 GB decoded) in a few hundred
	 * bytes: its IDAT holds a little of a stream of zeros.
	 */
	public static byte[] decompressionBombPng() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A });
		ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(20_000).putInt(20_000);
		ihdr.put((byte) 8).put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 0);
		chunk(out, "IHDR", ihdr.array());
		Deflater deflater = new Deflater(9);
		deflater.setInput(new byte[1_000_000]);
		deflater.finish();
		byte[] buffer = new byte[100_000];
		int n = deflater.deflate(buffer);
		chunk(out, "IDAT", java.util.Arrays.copyOf(buffer, n));
		chunk(out, "IEND", new byte[0]);
		return out.toByteArray();
	}

	private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
		out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
		byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
		out.writeBytes(typeBytes);
		out.writeBytes(data);
		CRC32 crc = new CRC32();
		crc.update(typeBytes);
		crc.update(data);
		out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
	}

	private static byte[] pdf(boolean script) {
		try (PDDocument doc = new PDDocument()) {
			doc.addPage(new PDPage());
			if (script) {
				doc.getDocumentCatalog().setOpenAction(new PDActionJavaScript("app.alert('receipt');"));
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			doc.save(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static byte[] image(String format, int width, int height) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		var g = image.createGraphics();
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, width, height);
		g.setColor(Color.BLACK);
		g.drawString("3500", 10, 30);
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			ImageIO.write(image, format, out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
