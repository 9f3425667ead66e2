package jp.kenpoportal.flu;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * The first page of a stored PDF receipt as a PNG, so that staff read it in the page instead of
 * opening the PDF itself. The scale is chosen from the page's declared size, so that a page that
 * claims to be kilometres wide still gives at most {@link ReceiptCheck#KEPT_PIXELS} pixels.
 */
public final class PdfPreview {

	private static final float DPI = 110;

	private PdfPreview() {
	}

	public static byte[] firstPage(byte[] pdf) {
		try (PDDocument doc = Loader.loadPDF(pdf)) {
			PDRectangle box = doc.getPage(0).getCropBox();
			double points = Math.max(1, (double) box.getWidth() * box.getHeight());
			double scale = Math.min(DPI / 72.0, Math.sqrt(ReceiptCheck.KEPT_PIXELS / points));
			BufferedImage image = new PDFRenderer(doc).renderImage(0, (float) scale, ImageType.RGB);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			ImageIO.write(image, "png", out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
