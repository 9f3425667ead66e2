package jp.kenpoportal.portal;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;

import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.MethodExecutionContext;
import net.ttddyy.dsproxy.listener.MethodExecutionListener;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.junit.jupiter.api.Test;

import jp.kenpoportal.KenpoPortalApplication;
import jp.kenpoportal.support.Journeys;
import jp.kenpoportal.support.Mailbox;
import jp.kenpoportal.support.ServiceData;
import jp.kenpoportal.support.TestBrowser;
import jp.kenpoportal.support.TestMembers;
import jp.kenpoportal.support.TestMembers.TestMember;
import jp.kenpoportal.support.TestSupportConfiguration;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a page view costs the database (issue 14, the floor of a page): every connection taken from the pool, SQL
 * statement and commit of one signed-in home and one 医療費 year page request, captured at the JDBC level by a
 * datasource-proxy wrapper around the pool in a portal of its own (its own embedded PostgreSQL, as in
 * QueryPlansTest). A page view reads the session, the account, the household and what the page shows, each in one
 * auto-commit statement (no transaction begun and committed for a read), and writes nothing while the session's
 * last-access time is fresh.
 */
class PageViewStatementsTest {

	private static final String PASSWORD = "Page-Views-2026";

	@Test
	void aPageViewReadsInAutoCommitStatementsAndWritesNothing() throws Exception {
		Capture capture = new Capture();
		Path dataDir = Path.of(System.getProperty("portal.data-dir", "target/test-data/views")
				+ "-views-" + System.nanoTime());
		String loggingSystem = System.getProperty("org.springframework.boot.logging.LoggingSystem");
		System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
		ConfigurableApplicationContext app;
		try {
			app = new SpringApplicationBuilder(KenpoPortalApplication.class, TestSupportConfiguration.class)
				.profiles("demo", "test")
				.initializers(context -> capture.install((GenericApplicationContext) context))
				.run("--server.port=0", "--management.server.port=0", "--portal.data-dir=" + dataDir);
		}
		finally {
			if (loggingSystem == null) {
				System.clearProperty("org.springframework.boot.logging.LoggingSystem");
			}
			else {
				System.setProperty("org.springframework.boot.logging.LoggingSystem", loggingSystem);
			}
		}
		try (app) {
			int port = ((WebServerApplicationContext) app).getWebServer().getPort();
			TestMember member = app.getBean(TestMembers.class).newHousehold("sakura");
			int year = LocalDate.ofInstant(app.getBean(Clock.class).instant(), ZoneId.of("Asia/Tokyo")).getYear() - 1;
			app.getBean(ServiceData.class).typicalYear(member, year);
			TestBrowser browser = new TestBrowser(port, member.host());
			Journeys.onboard(browser, app.getBean(Mailbox.class), member, PASSWORD);

			for (String path : List.of("/", "/medical/" + year)) {
				// the first view may write the session (attributes of the sign-in's last step): not measured
				assertThat(browser.get(path).status()).isEqualTo(200);
				capture.events.clear();
				capture.on = true;
				assertThat(browser.get(path).status()).isEqualTo(200);
				capture.on = false;
				List<String> events = List.copyOf(capture.events);
				System.out.println("PageViewStatementsTest GET " + path + ":\n  " + String.join("\n  ", events));
				List<String> statements = events.stream().filter(e -> e.startsWith("sql ")).toList();
				// the session, the account, the household and what the page shows; nothing written
				assertThat(statements).as(path).hasSizeLessThanOrEqualTo(path.equals("/") ? 4 : 6);
				assertThat(statements).as(path)
					.noneMatch(sql -> sql.matches("(?i)sql\\s*(insert|update|delete|with .* (insert|update|delete)) .*"));
				// auto-commit statements only: no transaction begun and committed for a read
				assertThat(events).as(path).noneMatch(e -> e.equals("commit") || e.startsWith("setAutoCommit"));
			}
		}
		finally {
			FileSystemUtils.deleteRecursively(dataDir);
		}
	}

	/** The datasource-proxy wrapper around the pool, listening on request threads only. */
	private static final class Capture implements QueryExecutionListener, MethodExecutionListener {

		private static final ThreadLocal<Boolean> REQUEST = new ThreadLocal<>();

		final List<String> events = java.util.Collections.synchronizedList(new ArrayList<>());

		volatile boolean on;

		void install(GenericApplicationContext context) {
			context.getBeanFactory().addBeanPostProcessor(new BeanPostProcessor() {
				@Override
				public Object postProcessAfterInitialization(Object bean, String name) {
					return bean instanceof DataSource ds && "dataSource".equals(name) ? ProxyDataSourceBuilder.create(ds)
						.name("views")
						.listener(Capture.this)
						.methodListener(Capture.this)
						.build() : bean;
				}
			});
			context.registerBean("viewCaptureRequestFilter", FilterRegistrationBean.class, () -> {
				Filter filter = (request, response, chain) -> {
					REQUEST.set(request instanceof HttpServletRequest);
					try {
						chain.doFilter(request, response);
					}
					finally {
						REQUEST.remove();
					}
				};
				FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(filter);
				registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
				return registration;
			});
		}

		private boolean capturing() {
			return on && REQUEST.get() != null;
		}

		@Override
		public void beforeQuery(ExecutionInfo execution, List<QueryInfo> queries) {
		}

		@Override
		public void afterQuery(ExecutionInfo execution, List<QueryInfo> queries) {
			if (capturing()) {
				for (QueryInfo query : queries) {
					events.add("sql " + query.getQuery().replaceAll("\\s+", " ").trim());
				}
			}
		}

		@Override
		public void beforeMethod(MethodExecutionContext context) {
		}

		@Override
		public void afterMethod(MethodExecutionContext context) {
			if (!capturing()) {
				return;
			}
			Method method = context.getMethod();
			switch (method.getName()) {
				case "getConnection", "commit", "rollback", "close" -> {
					if (!(method.getName().equals("close") && !(context.getTarget() instanceof java.sql.Connection))) {
						events.add(method.getName());
					}
				}
				case "setAutoCommit", "setReadOnly" -> events.add(method.getName() + "(" + context.getMethodArgs()[0] + ")");
				default -> {
				}
			}
		}
	}
}
