package jp.kenpoportal.portal;

import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import jp.kenpoportal.tenant.Kenpo;

import org.springframework.context.ApplicationContext;
import org.springframework.core.convert.ConversionService;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * An お知らせ page exactly as a member of the kenpo will see it, rendered from the member
 * templates into a string, for the staff console's preview: the same layout, the same
 * escaping, the same paragraphs and links. Nothing is stored.
 */
@Component
public class NoticePreviews {

	private final SpringTemplateEngine templates;

	private final ApplicationContext context;

	private final ConversionService conversions;

	NoticePreviews(SpringTemplateEngine templates, ApplicationContext context,
			@org.springframework.beans.factory.annotation.Qualifier("mvcConversionService") ConversionService conversions) {
		this.templates = templates;
		this.context = context;
		this.conversions = conversions;
	}

	/** The whole member page of the notice, with {@code memberName} in the header. */
	public String memberPage(Kenpo kenpo, NoticeDraft draft, String memberName, HttpServletRequest request,
			HttpServletResponse response) {
		Map<String, Object> model = new HashMap<>();
		model.put("kenpo", kenpo);
		model.put("headerName", memberName);
		model.put("signedIn", true);
		model.put("notice", draft.asRead(0));
		model.put(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
				new ThymeleafEvaluationContext(context, conversions));
		HttpServletRequest isolated = new OwnAttributes(request);
		WebContext web = new WebContext(JakartaServletWebApplication.buildApplication(request.getServletContext())
			.buildExchange(isolated, response), Locale.JAPANESE, model);
		return templates.process("notices/show", web);
	}

	/**
	 * The console's request with attributes of its own: Thymeleaf keeps a web context's
	 * variables as request attributes, so the preview's model must not overwrite the console
	 * page's, and the console's attributes (its CSRF token among them) must not reach the preview.
	 */
	private static final class OwnAttributes extends HttpServletRequestWrapper {

		private final Map<String, Object> attributes = new HashMap<>();

		OwnAttributes(HttpServletRequest request) {
			super(request);
		}

		@Override
		public Object getAttribute(String name) {
			return attributes.get(name);
		}

		@Override
		public Enumeration<String> getAttributeNames() {
			return Collections.enumeration(attributes.keySet());
		}

		@Override
		public void setAttribute(String name, Object value) {
			if (value == null) {
				attributes.remove(name);
			}
			else {
				attributes.put(name, value);
			}
		}

		@Override
		public void removeAttribute(String name) {
			attributes.remove(name);
		}
	}
}
