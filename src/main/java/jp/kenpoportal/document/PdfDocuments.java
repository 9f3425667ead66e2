package jp.kenpoportal.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.PageSizeUnits;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.slf4j.Slf4jLogger;
import com.openhtmltopdf.util.XRLog;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.multipdf.PDFMergerUtility;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import org.springframework.stereotype.Service;

/**
 * Renders a Thymeleaf template (e.g. {@code documents/medical-notice}) to an A4 PDF with Noto Sans JP
 * embedded, so a notice looks, prints and copies the same on every device, whatever fonts it has.
 * Templates take their styles from {@code ~{documents/base :: style}}; their {@code <title>} becomes the
 * PDF's title, their {@code <html lang>} its language.
 */
@Service
public class PdfDocuments {

	// The portal speaks Japanese only (a fixed locale in application.yml), in jobs outside a request too.
	private static final Locale LOCALE = Locale.JAPANESE;

	private static final String FAMILY = "Noto Sans JP";

	private static final EmbeddedFont REGULAR = EmbeddedFont.read("fonts/NotoSansJP-Regular.ttf");

	private static final EmbeddedFont BOLD = EmbeddedFont.read("fonts/NotoSansJP-Bold.ttf");

	static {
		// by default openhtmltopdf writes to a console handler of its own, past the logging levels
		XRLog.setLoggerImpl(new Slf4jLogger());
	}

	private final ITemplateEngine templates;

	PdfDocuments(ITemplateEngine templates) {
		this.templates = templates;
	}

	public byte[] render(String template, Map<String, Object> variables) {
		return render(template, variables, true);
	}

	/**
	 * A document only ever printed (letters by the thousand): without the PDF/UA structure that
	 * screen readers need, which costs most of the rendering time of a long batch and makes
	 * binding parts slow. Text still copies and extracts as it should.
	 */
	public byte[] renderForPrint(String template, Map<String, Object> variables) {
		return render(template, variables, false);
	}

	private byte[] render(String template, Map<String, Object> variables, boolean tagged) {
		String html = templates.process(template, new Context(LOCALE, variables));
		ByteArrayOutputStream pdf = new ByteArrayOutputStream();
		try {
			PdfRendererBuilder builder = new PdfRendererBuilder();
			builder.useFastMode()
				// jsoup reads Thymeleaf's HTML5 as a browser would; openhtmltopdf itself wants well-formed XHTML
				.withW3cDocument(W3CDom.convert(Jsoup.parse(html)), null)
				// a template that forgets the base style still comes out A4, not US Letter
				.useDefaultPageSize(210, 297, PageSizeUnits.MM)
				.useFont(REGULAR::stream, FAMILY, 400, FontStyle.NORMAL, true)
				.useFont(BOLD::stream, FAMILY, 700, FontStyle.NORMAL, true)
				// tagged for screen readers, with language and title; it also drops the built-in PDF fonts,
				// whose lookup scans the system fonts and writes ~/.pdfbox.cache
				.usePdfUaAccessibility(tagged)
				// a document carries its images as data: URIs; member data must never make the server fetch a URL
				.useExternalResourceAccessControl((uri, type) -> uri.regionMatches(true, 0, "data:", 0, 5),
						ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI)
				.withProducer("Kenpo Portal")
				.toStream(pdf);
			builder.run();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return pdf.toByteArray();
	}

	/**
	 * One PDF of several rendered apart, pages in order: a batch of thousands of letters renders
	 * in parts (openhtmltopdf lays out a whole document in memory before it writes a page), then is
	 * bound here. In memory only: the parts may hold secrets that must not touch a disk.
	 */
	public byte[] concatenate(List<byte[]> parts) {
		if (parts.size() == 1) {
			return parts.get(0);
		}
		PDFMergerUtility merger = new PDFMergerUtility();
		parts.forEach(part -> merger.addSource(new RandomAccessReadBuffer(part)));
		ByteArrayOutputStream pdf = new ByteArrayOutputStream();
		merger.setDestinationStream(pdf);
		try {
			merger.mergeDocuments(IOUtils.createMemoryOnlyStreamCache());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return pdf.toByteArray();
	}
}
