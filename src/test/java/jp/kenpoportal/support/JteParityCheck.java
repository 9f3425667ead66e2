package jp.kenpoportal.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import gg.jte.springframework.boot.autoconfigure.JteViewResolver;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.io.ClassPathResource;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.ViewResolver;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

/**
 * Tests only: every page that jte serves during the test suite is also rendered by its Thymeleaf twin (while
 * {@code templates/<view>.html} is still there), for the same model and request, and the two must be the same
 * bytes (issue 14, docs/templates.md). So each browser and MVC test checks the pages it visits, in the states it
 * puts them in. On a difference both pages are kept in {@code target/template-parity/} and the request fails
 * with a 500, which the test that asked for the page then sees.
 */
public final class JteParityCheck implements BeanPostProcessor {

	private static final Pattern CSRF_VALUE = Pattern.compile("(name=\"_csrf\" (?:content|value)=)\"[^\"]*\"");

	private static final Path KEPT = Path.of("target", "template-parity");

	private static final AtomicInteger COUNTER = new AtomicInteger();

	/** The differences seen in this JVM, for a test that wants to assert there were none. */
	public static final List<String> DIFFERENCES = new CopyOnWriteArrayList<>();

	/** How many pages were compared in this JVM. */
	public static final AtomicInteger CHECKED = new AtomicInteger();

	private final ObjectProvider<ThymeleafViewResolver> thymeleaf;

	public JteParityCheck(ObjectProvider<ThymeleafViewResolver> thymeleaf) {
		this.thymeleaf = thymeleaf;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof JteViewResolver jte) {
			return new Resolver(jte);
		}
		return bean;
	}

	private final class Resolver implements ViewResolver, Ordered {

		private final JteViewResolver jte;

		Resolver(JteViewResolver jte) {
			this.jte = jte;
		}

		@Override
		public View resolveViewName(String viewName, Locale locale) throws Exception {
			View view = jte.resolveViewName(viewName, locale);
			if (view == null || !new ClassPathResource("templates/" + viewName + ".html").exists()) {
				return view;
			}
			return new Checked(viewName, locale, view);
		}

		@Override
		public int getOrder() {
			return jte.getOrder();
		}
	}

	private final class Checked implements View {

		private final String viewName;

		private final Locale locale;

		private final View jte;

		Checked(String viewName, Locale locale, View jte) {
			this.viewName = viewName;
			this.locale = locale;
			this.jte = jte;
		}

		@Override
		public String getContentType() {
			return jte.getContentType();
		}

		@Override
		public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
				throws Exception {
			Capture jtePage = new Capture(response);
			jte.render(model == null ? null : new HashMap<>(model), request, jtePage);
			Capture thymeleafPage = new Capture(response);
			View twin = thymeleaf.getObject().resolveViewName(viewName, locale);
			twin.render(model == null ? null : new HashMap<>(model), request, thymeleafPage);
			CHECKED.incrementAndGet();
			String a = jtePage.text();
			String b = thymeleafPage.text();
			if (!normalised(a).equals(normalised(b))) {
				String name = viewName.replace('/', '-') + "-" + COUNTER.incrementAndGet();
				keep(name + ".jte.html", a);
				keep(name + ".thymeleaf.html", b);
				String difference = "jte and Thymeleaf differ for view " + viewName + " at " + request.getRequestURI()
						+ ": diff " + KEPT.resolve(name + ".thymeleaf.html") + " " + KEPT.resolve(name + ".jte.html");
				DIFFERENCES.add(difference);
				System.err.println("TEMPLATE PARITY: " + difference);
				throw new IllegalStateException(difference);
			}
			response.setContentType("text/html;charset=UTF-8");
			byte[] bytes = jtePage.bytes.toByteArray();
			response.setContentLength(bytes.length);
			response.getOutputStream().write(bytes);
		}

		private static String normalised(String html) {
			return CSRF_VALUE.matcher(html).replaceAll("$1\"-\"");
		}

		private static void keep(String name, String html) {
			try {
				Files.createDirectories(KEPT);
				Files.writeString(KEPT.resolve(name), html);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
	}

	/** A response that keeps the body in memory; headers go through to the real one. */
	private static final class Capture extends HttpServletResponseWrapper {

		final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

		private PrintWriter writer;

		private final ServletOutputStream stream = new ServletOutputStream() {
			@Override
			public void write(int b) {
				bytes.write(b);
			}

			@Override
			public void write(byte[] b, int off, int len) {
				bytes.write(b, off, len);
			}

			@Override
			public boolean isReady() {
				return true;
			}

			@Override
			public void setWriteListener(WriteListener listener) {
			}
		};

		Capture(HttpServletResponse response) {
			super(response);
		}

		@Override
		public ServletOutputStream getOutputStream() {
			return stream;
		}

		@Override
		public PrintWriter getWriter() {
			if (writer == null) {
				writer = new PrintWriter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8));
			}
			return writer;
		}

		@Override
		public void setContentLength(int len) {
		}

		@Override
		public void setContentLengthLong(long len) {
		}

		@Override
		public void flushBuffer() {
		}

		@Override
		public boolean isCommitted() {
			return false;
		}

		String text() {
			if (writer != null) {
				writer.flush();
			}
			return bytes.toString(StandardCharsets.UTF_8);
		}
	}
}
