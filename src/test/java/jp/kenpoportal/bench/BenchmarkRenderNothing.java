package jp.kenpoportal.bench;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.ViewResolver;

/**
 * The floor of a page view for {@link PageViewBenchmark} (issue 14): with {@code ?benchRender=none} a page's
 * request goes through everything as usual — filters, session, security, the controller and its queries, the
 * layout's model — and then, instead of the template, a few bytes naming the view are written. The difference
 * to the page itself is what rendering costs. Only the benchmark's portal has it: {@link SignInBenchmarkServer}
 * adds it as a source (it is no component, so the tests' scan leaves it out).
 */
public final class BenchmarkRenderNothing implements ViewResolver, Ordered {

	static final String PARAMETER = "benchRender";

	static final String MARKER = "rendered nothing: ";

	@Override
	public View resolveViewName(String viewName, Locale locale) {
		if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)
				|| !"none".equals(attributes.getRequest().getParameter(PARAMETER))) {
			return null;
		}
		return new Nothing(viewName);
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	private record Nothing(String viewName) implements View {

		@Override
		public String getContentType() {
			return "text/html;charset=UTF-8";
		}

		@Override
		public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
				throws Exception {
			byte[] body = (MARKER + viewName + ", " + model.size() + " model attributes")
				.getBytes(StandardCharsets.UTF_8);
			response.setContentType(getContentType());
			response.setContentLength(body.length);
			response.getOutputStream().write(body);
		}
	}
}
