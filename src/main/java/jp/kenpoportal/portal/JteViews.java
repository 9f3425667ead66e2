package jp.kenpoportal.portal;

import java.util.Locale;
import java.util.Map;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import gg.jte.springframework.boot.autoconfigure.JteProperties;
import gg.jte.springframework.boot.autoconfigure.JteView;
import gg.jte.springframework.boot.autoconfigure.JteViewResolver;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.kenpoportal.common.PageContext;
import jp.kenpoportal.tenant.Kenpo;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.servlet.view.AbstractUrlBasedView;

/**
 * The pages written in jte (README, "Templates"; issue 14): a view name such as {@code portal/home} is served
 * by {@code src/main/jte/portal/home.jte} when that template exists, and by Thymeleaf otherwise, so pages move
 * over one by one. The templates are compiled at build time (jte-maven-plugin) into the package of their
 * folder under {@code jp.kenpoportal}, so the engine only loads classes.
 */
@Configuration(proxyBeanMethods = false)
class JteViews {

	/** Where jte-maven-plugin puts the template classes (its packageName in pom.xml). */
	static final String PACKAGE = "jp.kenpoportal";

	@Bean
	TemplateEngine jteTemplateEngine() {
		return TemplateEngine.createPrecompiled(null, ContentType.Html, JteViews.class.getClassLoader(), PACKAGE);
	}

	@Bean
	JteViewResolver jteViewResolver(TemplateEngine engine, JteProperties properties, MessageSource messages,
			StaticAssets assets) {
		return new PortalViewResolver(engine, properties, messages, assets);
	}

	/** The starter's resolver (jte before Thymeleaf, {@code .jte} suffix), with views that add {@code page}. */
	private static final class PortalViewResolver extends JteViewResolver {

		private final TemplateEngine engine;

		private final MessageSource messages;

		private final StaticAssets assets;

		PortalViewResolver(TemplateEngine engine, JteProperties properties, MessageSource messages,
				StaticAssets assets) {
			super(engine, properties);
			this.engine = engine;
			this.messages = messages;
			this.assets = assets;
		}

		@Override
		protected AbstractUrlBasedView instantiateView() {
			return new PortalView(engine, messages, assets);
		}
	}

	/**
	 * Renders into memory first, then writes the page in one go, as Thymeleaf does here
	 * ({@code produce-partial-output-while-processing: false}): a template error ends in the error page, not in a
	 * half-written page with status 200.
	 */
	static final class PortalView extends JteView {

		private final TemplateEngine engine;

		private final MessageSource messages;

		private final StaticAssets assets;

		PortalView(TemplateEngine engine, MessageSource messages, StaticAssets assets) {
			super(engine);
			this.engine = engine;
			this.messages = messages;
			this.assets = assets;
		}

		/**
		 * As {@code AbstractView#render}, without its debug line that prints the whole model: this class is under
		 * {@code jp.kenpoportal}, whose debug log may be on, and a model holds what a member typed
		 * ({@code LogSecretsTest}).
		 */
		@Override
		public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
				throws Exception {
			Map<String, Object> merged = createMergedOutputModel(model, request, response);
			prepareResponse(request, response);
			renderMergedOutputModel(merged, getRequestToExpose(request), response);
		}

		@Override
		protected void renderMergedTemplateModel(Map<String, Object> model, HttpServletRequest request,
				HttpServletResponse response) throws Exception {
			Locale locale = RequestContextUtils.getLocale(request);
			model.put("page", new PageContext(messages, locale, request, response, assets.version(), layout(model)));
			Utf8ByteOutput bytes = new Utf8ByteOutput();
			engine.render(getUrl(), model, new ThymeleafEscapingOutput(bytes));
			response.setContentType("text/html;charset=UTF-8");
			response.setContentLength(bytes.getContentLength());
			bytes.writeTo(response.getOutputStream());
		}

		private static PageContext.Layout layout(Map<String, Object> model) {
			Kenpo kenpo = model.get("kenpo") instanceof Kenpo k ? k : null;
			return new PageContext.Layout(kenpo == null ? null : kenpo.name(),
					kenpo == null ? null : kenpo.contactEmail(), kenpo == null ? null : kenpo.contactPhone(),
					(String) model.get("headerName"));
		}
	}
}
