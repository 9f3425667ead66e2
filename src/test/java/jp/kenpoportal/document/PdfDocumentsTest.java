package jp.kenpoportal.document;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import static jp.kenpoportal.document.DocumentFixtures.IMAGE;
import static jp.kenpoportal.document.DocumentFixtures.NOTICE;
import static jp.kenpoportal.document.DocumentFixtures.notice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PdfDocumentsTest {

	private static final PdfDocuments documents = DocumentFixtures.pdfDocuments();

	@Test
	void japaneseTextComesOutAsTyped() throws IOException {
		String text = text(documents.render(NOTICE, notice("山田 太郎", 3)));

		assertThat(text).contains("医療費のお知らせ", "山田 太郎 様", "2026年5月1日", "全角数字：１２３４５", "2026年1月",
				"山の上クリニック 第1診療所", "¥12,345", "¥12,347");
		// PDFBox 3.0.7 wrote these Kangxi radicals for 山 and 月
		assertThat(text).doesNotContain("⼭", "⽉");
	}

	@Test
	void embedsOnlySubsetsOfNotoSansJp() throws IOException {
		try (PDDocument pdf = Loader.loadPDF(documents.render(NOTICE, notice("山田 太郎", 3)))) {
			List<PDFont> fonts = fonts(pdf.getPage(0));

			assertThat(fonts).isNotEmpty().allSatisfy(font -> {
				assertThat(font.isEmbedded()).as("%s embedded", font.getName()).isTrue();
				assertThat(font.getName()).matches("[A-Z]{6}\\+NotoSansJP-.*");
			});
			assertThat(fonts).extracting(PDFont::getName)
				.anySatisfy(name -> assertThat(name).endsWith("NotoSansJP-Regular"))
				.anySatisfy(name -> assertThat(name).endsWith("NotoSansJP-Bold"));
		}
	}

	@Test
	void isA4() throws IOException {
		try (PDDocument pdf = Loader.loadPDF(documents.render(NOTICE, notice("山田 太郎", 3)))) {
			PDRectangle page = pdf.getPage(0).getMediaBox();

			assertThat(page.getWidth()).isCloseTo(PDRectangle.A4.getWidth(), within(1f));
			assertThat(page.getHeight()).isCloseTo(PDRectangle.A4.getHeight(), within(1f));
		}
	}

	@Test
	void isTaggedWithTitleProducerAndLanguage() throws IOException {
		try (PDDocument pdf = Loader.loadPDF(documents.render(NOTICE, notice("山田 太郎", 3)))) {
			assertThat(pdf.getDocumentInformation().getTitle()).isEqualTo("医療費のお知らせ");
			assertThat(pdf.getDocumentInformation().getProducer()).isEqualTo("Kenpo Portal");
			assertThat(pdf.getDocumentCatalog().getLanguage()).isEqualTo("ja");
			assertThat(pdf.getDocumentCatalog().getMarkInfo().isMarked()).as("tagged PDF").isTrue();
		}
	}

	@Test
	void embedsDataUriImagesButFetchesNoUrl() throws IOException {
		String dot = "data:image/png;base64,"
				+ "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";
		try (PDDocument pdf = Loader.loadPDF(documents.render(IMAGE, Map.of("src", dot)))) {
			assertThat(pdf.getPage(0).getResources().getXObjectNames()).hasSize(1);
		}

		AtomicInteger requests = new AtomicInteger();
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/", exchange -> {
			requests.incrementAndGet();
			exchange.sendResponseHeaders(404, -1);
			exchange.close();
		});
		server.start();
		try {
			documents.render(IMAGE, Map.of("src", "http://127.0.0.1:" + server.getAddress().getPort() + "/dot.png"));
		}
		finally {
			server.stop(0);
		}
		assertThat(requests).hasValue(0);
	}

	@Test
	void repeatsTheTableHeaderOnEveryPage() throws IOException {
		try (PDDocument pdf = Loader.loadPDF(documents.render(NOTICE, notice("山田 太郎", 80)))) {
			assertThat(pdf.getNumberOfPages()).isGreaterThan(1);
			for (int page = 1; page <= pdf.getNumberOfPages(); page++) {
				PDFTextStripper stripper = new PDFTextStripper();
				stripper.setStartPage(page);
				stripper.setEndPage(page);
				assertThat(stripper.getText(pdf)).as("page %d", page).contains("診療年月", page + " / " + pdf.getNumberOfPages());
			}
		}
	}

	@Test
	void rendersForTwoThreadsAtOnce() throws Exception {
		CyclicBarrier start = new CyclicBarrier(2);
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			List<Future<String>> texts = new ArrayList<>();
			for (String name : List.of("山田 太郎", "佐藤 花子")) {
				Callable<String> render = () -> {
					start.await();
					return text(documents.render(NOTICE, notice(name, 40)));
				};
				texts.add(threads.submit(render));
			}

			assertThat(texts.get(0).get()).contains("山田 太郎 様", "¥12,345").doesNotContain("佐藤");
			assertThat(texts.get(1).get()).contains("佐藤 花子 様", "¥12,345").doesNotContain("山田");
		}
		finally {
			threads.shutdownNow();
		}
	}

	private static String text(byte[] pdf) throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(document);
		}
	}

	private static List<PDFont> fonts(PDPage page) throws IOException {
		PDResources resources = page.getResources();
		List<PDFont> fonts = new ArrayList<>();
		for (COSName name : resources.getFontNames()) {
			fonts.add(resources.getFont(name));
		}
		return fonts;
	}
}
