package jp.kenpoportal.document;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The application's Thymeleaf setup without booting it (no database), and the test notice's variables.
 */
final class DocumentFixtures {

	static final String NOTICE = "documents/test-notice";

	static final String IMAGE = "documents/test-image";

	private DocumentFixtures() {
	}

	static PdfDocuments pdfDocuments() {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix("templates/");
		resolver.setSuffix(".html");
		resolver.setTemplateMode(TemplateMode.HTML);
		resolver.setCharacterEncoding("UTF-8");
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		SpringTemplateEngine engine = new SpringTemplateEngine();
		engine.setTemplateResolver(resolver);
		engine.setTemplateEngineMessageSource(messages);
		return new PdfDocuments(engine);
	}

	static Map<String, Object> notice(String name, int rows) {
		List<Row> table = IntStream.range(0, rows)
			.mapToObj(i -> new Row(YearMonth.of(2026, 1 + i % 12), "山の上クリニック 第" + (i + 1) + "診療所", 12_345 + i))
			.toList();
		return Map.of("name", name, "issuedOn", LocalDate.of(2026, 5, 1), "note", "全角数字：１２３４５", "rows", table);
	}

	record Row(YearMonth month, String provider, int amount) {
	}
}
