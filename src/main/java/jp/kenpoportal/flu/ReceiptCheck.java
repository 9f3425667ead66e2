package jp.kenpoportal.flu;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Set;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;

/**
 * A receipt file is hostile until proven otherwise: its type is found by its first bytes, never
 * its name or the browser's word; JPEG and PNG are decoded and encoded anew (which drops EXIF, GPS
 * and anything appended, such as the HTML of a polyglot), after their dimensions are read and a
 * decompression bomb refused; a PDF is taken only when PDFBox parses it and it carries no
 * JavaScript; a HEIC is checked by its header only (no pure-Java decoder exists) and stored as it is.
 */
public final class ReceiptCheck {

	public static final int MAX_BYTES = 10 * 1024 * 1024;

	/** More pixels than any phone camera gives: a file declaring more is a decompression bomb. */
	static final long MAX_PIXELS = 60_000_000L;

	/** Larger photos are decoded subsampled to about this many pixels: enough to read a receipt. */
	static final long KEPT_PIXELS = 12_000_000L;

	static final int MAX_PDF_PAGES = 20;

	private static final Set<String> HEIC_BRANDS = Set.of("heic", "heix", "hevc", "hevx", "heim", "heis", "mif1",
			"msf1");

	/** Why a file was refused: each has a Japanese message. */
	public enum Refusal {

		EMPTY, TOO_LARGE, NOT_ALLOWED, BROKEN, TOO_MANY_PIXELS, PDF_SCRIPT;

		public String messageKey() {
			return "flu.receipt.refused." + name();
		}
	}

	/** The outcome: a file to store, or why not. */
	public record Result(ReceiptType type, byte[] bytes, Refusal refusal) {

		public boolean accepted() {
			return refusal == null;
		}
	}

	private ReceiptCheck() {
	}

	public static Result check(byte[] data) {
		if (data == null || data.length == 0) {
			return refused(Refusal.EMPTY);
		}
		if (data.length > MAX_BYTES) {
			return refused(Refusal.TOO_LARGE);
		}
		ReceiptType type = sniff(data);
		if (type == null) {
			return refused(Refusal.NOT_ALLOWED);
		}
		return switch (type) {
			case JPEG, PNG -> reencode(type, data);
			case PDF -> pdf(data);
			case HEIC -> new Result(type, data, null);
		};
	}

	/** The type by the file's first bytes only. */
	static ReceiptType sniff(byte[] d) {
		if (starts(d, 0xFF, 0xD8, 0xFF)) {
			return ReceiptType.JPEG;
		}
		if (starts(d, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
			return ReceiptType.PNG;
		}
		if (starts(d, '%', 'P', 'D', 'F', '-')) {
			return ReceiptType.PDF;
		}
		if (d.length >= 12 && "ftyp".equals(ascii(d, 4, 8)) && HEIC_BRANDS.contains(ascii(d, 8, 12))) {
			return ReceiptType.HEIC;
		}
		return null;
	}

	private static Result reencode(ReceiptType type, byte[] data) {
		try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(data))) {
			Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(type == ReceiptType.JPEG ? "jpeg" : "png");
			if (in == null || !readers.hasNext()) {
				return refused(Refusal.BROKEN);
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(in, true, true);
				long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
				if (pixels > MAX_PIXELS) {
					return refused(Refusal.TOO_MANY_PIXELS);
				}
				ImageReadParam param = reader.getDefaultReadParam();
				int step = (int) Math.ceil(Math.sqrt((double) pixels / KEPT_PIXELS));
				if (step > 1) {
					param.setSourceSubsampling(step, step, 0, 0);
				}
				BufferedImage image = reader.read(0, param);
				return new Result(type, encode(type, image), null);
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException | RuntimeException e) {
			return refused(Refusal.BROKEN);
		}
	}

	/** Encodes the decoded pixels only: no metadata is carried over. */
	private static byte[] encode(ReceiptType type, BufferedImage image) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		if (type == ReceiptType.PNG) {
			ImageIO.write(image, "png", out);
			return out.toByteArray();
		}
		BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
		rgb.createGraphics().drawImage(image, 0, 0, java.awt.Color.WHITE, null);
		ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
		try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
			writer.setOutput(ios);
			ImageWriteParam param = writer.getDefaultWriteParam();
			param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
			param.setCompressionQuality(0.9f);
			writer.write(null, new IIOImage(rgb, null, null), param);
		}
		finally {
			writer.dispose();
		}
		return out.toByteArray();
	}

	private static Result pdf(byte[] data) {
		try (PDDocument doc = Loader.loadPDF(data)) {
			if (doc.isEncrypted() || doc.getNumberOfPages() < 1 || doc.getNumberOfPages() > MAX_PDF_PAGES
					|| !everyPageReads(doc)) {
				return refused(Refusal.BROKEN);
			}
			if (hasScript(doc) || containsJavaScriptName(data)) {
				return refused(Refusal.PDF_SCRIPT);
			}
			return new Result(ReceiptType.PDF, data, null);
		}
		catch (IOException | RuntimeException e) {
			return refused(Refusal.BROKEN);
		}
	}

	/**
	 * Whether each page is a page with a size: the page count alone trusts the page tree, and a
	 * node that only claims to be a page made the staff's preview fail (found by fuzzing).
	 */
	private static boolean everyPageReads(PDDocument doc) {
		for (int i = 0; i < doc.getNumberOfPages(); i++) {
			if (doc.getPage(i).getCropBox() == null) {
				return false;
			}
		}
		return true;
	}

	private static boolean hasScript(PDDocument doc) throws IOException {
		PDDocumentCatalog catalog = doc.getDocumentCatalog();
		if (catalog.getOpenAction() instanceof PDActionJavaScript) {
			return true;
		}
		return catalog.getNames() != null && catalog.getNames().getJavaScript() != null;
	}

	/**
	 * A receipt has no reason to carry scripts or launch actions anywhere (annotations, form
	 * fields, page actions): refuse any file that names them, however they are reached.
	 */
	private static boolean containsJavaScriptName(byte[] data) {
		String text = new String(data, StandardCharsets.ISO_8859_1);
		return text.contains("/JavaScript") || text.contains("/JS") || text.contains("/Launch");
	}

	private static boolean starts(byte[] d, int... magic) {
		if (d.length < magic.length) {
			return false;
		}
		for (int i = 0; i < magic.length; i++) {
			if ((d[i] & 0xFF) != magic[i]) {
				return false;
			}
		}
		return true;
	}

	private static String ascii(byte[] d, int from, int to) {
		return new String(Arrays.copyOfRange(d, from, to), StandardCharsets.US_ASCII);
	}

	private static Result refused(Refusal why) {
		return new Result(null, null, why);
	}
}
