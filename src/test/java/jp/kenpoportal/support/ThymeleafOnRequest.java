package jp.kenpoportal.support;

import java.util.Locale;

import org.springframework.core.Ordered;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.ViewResolver;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

/**
 * Tests only: a request with {@code X-Test-Render: thymeleaf} is rendered by the Thymeleaf template of its view
 * even where a jte template serves it, so that a test can compare the two for the same model and request
 * ({@code TemplateParityTest}, issue 14). Every other request goes on as usual.
 */
public final class ThymeleafOnRequest implements ViewResolver, Ordered {

	public static final String HEADER = "X-Test-Render";

	private final ThymeleafViewResolver thymeleaf;

	public ThymeleafOnRequest(ThymeleafViewResolver thymeleaf) {
		this.thymeleaf = thymeleaf;
	}

	@Override
	public View resolveViewName(String viewName, Locale locale) throws Exception {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
				&& "thymeleaf".equals(attributes.getRequest().getHeader(HEADER))) {
			return thymeleaf.resolveViewName(viewName, locale);
		}
		return null;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}
}
