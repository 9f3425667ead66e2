package jp.kenpoportal.portal;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
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
		WebContext web = new WebContext(JakartaServletWebApplication.buildApplication(request.getServletContext())
			.buildExchange(request, response), Locale.JAPANESE, model);
		return templates.process("notices/show", web);
	}
}
