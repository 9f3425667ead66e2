package jp.kenpoportal.operations;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.proxy.ParameterSetOperation;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import jp.kenpoportal.KenpoPortalApplication;
import jp.kenpoportal.account.Accounts;
import jp.kenpoportal.account.PasswordHasher;
import jp.kenpoportal.admin.staff.StaffRole;
import jp.kenpoportal.signin.totp.TotpCredentials;
import jp.kenpoportal.signin.totp.TotpSecret;
import jp.kenpoportal.support.Mailbox;
import jp.kenpoportal.support.ScaledKenpos;
import jp.kenpoportal.support.TestBrowser;
import jp.kenpoportal.support.TestBrowser.Page;
import jp.kenpoportal.support.TestStaff;
import jp.kenpoportal.support.TestSupportConfiguration;
import jp.kenpoportal.support.Totp;
import jp.kenpoportal.tenant.Kenpo;
import jp.kenpoportal.tenant.KenpoDirectory;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No query on a request path scans a table that grows with members or sessions (issue 14), checked on the data
 * of a real deployment: the portal in a context of its own (its own embedded PostgreSQL, so the suite's shared
 * database stays small) seeded by {@link ScaledKenpos} with 100,000 households in さくら and nine kenpo of 10,000,
 * then ANALYZEd. Every SQL statement that Tomcat's request threads send while a member signs in (password, mail
 * code or authenticator app) and opens every page and document of the member services, and while a clerk searches
 * members and opens one, is captured with its parameters by a datasource-proxy wrapper around the pool (JDBC level:
 * what the driver really sends, parameters included, which PostgreSQL's log or pg_stat_statements would only give
 * without values or with a restart of zonky's server for {@code shared_preload_libraries}). Each is then
 * EXPLAINed (FORMAT JSON) with its own parameters twice: as planned on the scaled statistics, a Seq Scan of a
 * table seeded at scale fails; with {@code enable_seqscan = off}, a Seq Scan of any growing table that remains
 * means no index can serve the query at all, whatever the table's size in this run.
 */
class QueryPlansTest {

	/** Tables that grow with the kenpo's staff or settings, not with members or sessions: a scan of them is fine. */
	private static final Set<String> SMALL = Set.of("kenpo", "terms", "notice", "notice_employer", "kenpo_link",
			"publication_watermark", "staff_account", "staff_invitation", "staff_passkey_user", "staff_credential",
			"flu_season", "flu_payer", "import_job", "import_api_client", "letter_batch", "flyway_schema_history",
			"kenpo_settings");

	/** Tables {@link ScaledKenpos} fills to a deployment's size: planned as PostgreSQL would in production. */
	private static final Set<String> SEEDED = Set.of("member", "account", "medical_claim", "benefit_decision",
			"audit_event", "mail_outbox", "spring_session", "spring_session_attributes");

	/**
	 * Statements that must read every insured of the kenpo, by what they answer: the console home's
	 * registration figures count all of them (timed on its own by RegistrationFiguresBenchmark). PostgreSQL
	 * rightly reads the table whole when the kenpo is half of it.
	 */
	private static final List<String> WHOLE_KENPO_FIGURES = List.of(
			"select count(*), count(a.id), count(a.onboarded_at) from insured i left join account a");

	private static final String PASSWORD = "Scale-Plans-2026";

	/** The most rows of a seeded table one statement of a member's request may read (filtered ones included). */
	private static final long MEMBER_ROWS = 2_000;

	/** The staff console's host: its member search reads by what the clerk typed, not one member's rows. */
	private static final String CONSOLE_HOST = "console.localhost";

	/**
	 * One month of claims (what the plans need to see a large table, in a fraction of the seeding time), four
	 * months back: published two months after the treatment, so the documents have lines to show.
	 */
	private static final int CLAIM_LAG = 3;

	private static final Pattern LINK = Pattern.compile("href=\"(/(?:notices|benefits)/\\d+)\"");

	@Test
	void noRequestPathQueryScansAGrowingTable() throws Exception {
		Capture capture = new Capture();
		Path dataDir = Path.of(System.getProperty("portal.data-dir", "target/test-data/plans")
				+ "-plans-" + System.nanoTime());
		String loggingSystem = System.getProperty("org.springframework.boot.logging.LoggingSystem");
		// the suite's own context keeps the JVM's logging as configured
		System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
		ConfigurableApplicationContext app;
		try {
			// the suite's helpers (movable clock, mailbox, staff) as in @PortalTest
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
			JdbcClient jdbc = app.getBean(JdbcClient.class);
			Kenpo sakura = app.getBean(KenpoDirectory.class).findByCode("sakura").orElseThrow();
			Clock clock = app.getBean(Clock.class);
			String hash = app.getBean(PasswordHasher.class).hash(PASSWORD);
			ScaledKenpos.Seeded seeded = new ScaledKenpos(jdbc, app.getBean(KenpoDirectory.class), app.getBean(TransactionTemplate.class))
				.seed(sakura, new ScaledKenpos.Scale(100_000, 9, 10_000, 1, CLAIM_LAG, 5_000, hash), clock.instant());
			System.out.println("QueryPlansTest seeded " + seeded);
			assertThat(seeded.households()).isEqualTo(100_000 + 9 * 10_000);

			capture.on = true;
			memberJourneys(app, jdbc, sakura, port, clock);
			consoleJourneys(app, jdbc, sakura, port);
			capture.on = false;

			List<String> problems = explainAll(capture.statements, app.getBean("dataSource", DataSource.class));
			System.out.println("QueryPlansTest explained " + capture.statements.size() + " distinct statements");
			assertThat(capture.statements).as("statements captured").hasSizeGreaterThan(30);
			assertThat(problems).as("sequential scans of growing tables on request paths").isEmpty();
			List<String> wide = rowsRead(capture.statements, app.getBean("dataSource", DataSource.class));
			assertThat(wide).as("member requests reading rows that grow with the kenpo").isEmpty();
		}
		finally {
			// a gigabyte of scaled data: not kept for the next run
			FileSystemUtils.deleteRecursively(dataDir);
		}
	}

	/**
	 * Two members of さくら among the 100,000: one signs in with the mailed code and opens every page and
	 * document, one with the authenticator app; a third types a wrong password.
	 */
	private static void memberJourneys(ConfigurableApplicationContext app, JdbcClient jdbc, Kenpo sakura, int port,
			Clock clock) {
		Map<String, Object> mailMember = jdbc.sql("""
				select a.id, a.login_id, a.email from account a
				join benefit_decision d on d.member_id = a.member_id and d.kenpo_id = a.kenpo_id
				where a.kenpo_id = ? and a.login_id like 'm2%' order by a.id limit 1""")
			.param(sakura.id())
			.query()
			.singleRow();
		Mailbox mailbox = app.getBean(Mailbox.class);
		String email = (String) mailMember.get("email");
		TestBrowser member = new TestBrowser(port, sakura.host());
		member.get("/login");
		int before = mailbox.count(email);
		Page page = member.submit("/login", Map.of("userId", (String) mailMember.get("login_id"), "password", PASSWORD));
		assertThat(page.path()).startsWith("/mfa/email");
		page = member.submit("/mfa/email", Map.of("code", mailbox.awaitMail(email, before + 1).code()));
		assertThat(page.heading()).isEqualTo("ホーム");
		LocalDate treated = LocalDate.ofInstant(clock.instant(), ZoneId.of("Asia/Tokyo")).minusMonths(1 + CLAIM_LAG);
		int year = treated.getYear();
		int month = treated.getMonthValue();
		for (String path : List.of("/", "/medical", "/medical/" + year, "/medical/" + year + "/" + month,
				"/qualification")) {
			assertThat(member.get(path).status()).as(path).isEqualTo(200);
		}
		for (String path : List.of("/medical/" + year + "/deduction.csv",
				"/medical/notice.pdf?year=%d&from=%d-01&to=%d-12".formatted(year, year, year),
				"/qualification/notice.pdf")) {
			assertThat(member.download(path).status()).as(path).isEqualTo(200);
		}
		for (String list : List.of("/notices", "/benefits")) {
			Page listed = member.get(list);
			assertThat(listed.status()).as(list).isEqualTo(200);
			Matcher link = LINK.matcher(listed.doc().html());
			assertThat(link.find()).as("a link on " + list).isTrue();
			assertThat(member.get(link.group(1)).status()).as(link.group(1)).isEqualTo(200);
			if (list.equals("/benefits")) {
				assertThat(member.download(link.group(1) + "/notice.pdf").status()).isEqualTo(200);
			}
		}

		long totpAccount = jdbc.sql("select id from account where kenpo_id = ? and login_id like 'm2%' order by id desc limit 1")
			.param(sakura.id())
			.query(Long.class)
			.single();
		TotpSecret secret = TotpSecret.generate();
		jdbc.sql("update account set second_factor = 'TOTP' where id = ?").param(totpAccount).update();
		app.getBean(TotpCredentials.class)
			.save(app.getBean(Accounts.class).find(sakura.id(), totpAccount).orElseThrow(), secret, -1);
		String loginId = jdbc.sql("select login_id from account where id = ?").param(totpAccount).query(String.class).single();
		TestBrowser app2 = new TestBrowser(port, sakura.host());
		app2.get("/login");
		page = app2.submit("/login", Map.of("userId", loginId, "password", PASSWORD));
		assertThat(page.path()).startsWith("/mfa/totp");
		page = app2.submit("/mfa/totp", Map.of("code", Totp.at(secret.base32(), clock.instant())));
		assertThat(page.heading()).isEqualTo("ホーム");

		TestBrowser wrong = new TestBrowser(port, sakura.host());
		wrong.get("/login");
		assertThat(wrong.submit("/login", Map.of("userId", "m2" + "0" + "0500", "password", "not-the-password")).path())
			.startsWith("/login");
	}

	/** A clerk of さくら searches by each kind of search and opens a member. */
	private static void consoleJourneys(ConfigurableApplicationContext app, JdbcClient jdbc, Kenpo sakura, int port) {
		TestBrowser console = app.getBean(TestStaff.class).signedInAs(port, StaffRole.CLERK, sakura.code());
		Map<String, Object> target = jdbc.sql("""
				select a.id, a.login_id, a.email, m.symbol || m.number as digits, m.name_kana from account a
				join member m on m.id = a.member_id where a.kenpo_id = ? and a.login_id like 'm2%' order by a.id
				offset 5000 limit 1""")
			.param(sakura.id())
			.query()
			.singleRow();
		for (String query : List.of("kind=NUMBER&q=" + target.get("digits"), "kind=KANA&q=キボシケン",
				"kind=USER_ID&q=" + target.get("login_id"), "kind=EMAIL&q=" + target.get("email"))) {
			assertThat(console.get("/members?" + query).status()).as(query).isEqualTo(200);
		}
		assertThat(console.get("/members/" + target.get("id")).status()).isEqualTo(200);
	}

	/** Each statement EXPLAINed with its parameters, as planned and with sequential scans off. */
	private static List<String> explainAll(Map<String, Captured> statements, DataSource dataSource) throws Exception {
		ObjectMapper json = JsonMapper.builder().build();
		List<String> problems = new ArrayList<>();
		try (Connection connection = dataSource.getConnection()) {
			connection.setAutoCommit(false);
			for (Captured statement : statements.values()) {
				if (!statement.sql.stripLeading().toLowerCase(Locale.ROOT).matches("(?s)(select|insert|update|delete|with)\\b.*")) {
					continue;
				}
				boolean wholeKenpo = WHOLE_KENPO_FIGURES.stream()
					.anyMatch(figures -> statement.sql.replaceAll("\\s+", " ").contains(figures));
				for (boolean seqScanOff : new boolean[] { false, true }) {
					try (var set = connection.createStatement()) {
						set.execute("set local enable_seqscan = " + (seqScanOff ? "off" : "on"));
					}
					JsonNode plan;
					try (PreparedStatement explain = connection.prepareStatement("explain (format json) " + statement.sql)) {
						for (ParameterSetOperation parameter : statement.parameters) {
							parameter.getMethod().invoke(explain, parameter.getArgs());
						}
						try (ResultSet rs = explain.executeQuery()) {
							rs.next();
							plan = json.readTree(rs.getString(1));
						}
					}
					catch (Exception e) {
						connection.rollback();
						problems.add("cannot EXPLAIN (" + e.getMessage() + "): " + statement);
						break;
					}
					for (String table : seqScans(plan)) {
						boolean growing = !SMALL.contains(table);
						if (growing && (seqScanOff || SEEDED.contains(table) && !wholeKenpo)) {
							problems.add("Seq Scan on " + table + (seqScanOff ? " (no index can serve it)" : "")
									+ ": " + statement);
						}
					}
				}
				connection.rollback();
			}
		}
		return problems;
	}

	/**
	 * Rows a member's request reads (issue 14): an index scan can grow with the kenpo as well as a Seq Scan
	 * (the range of a kenpo in an index whose first column is kenpo_id, a filter applied after the index). Each
	 * statement of a member-facing request is run with {@code EXPLAIN ANALYZE} (rolled back) and every scan of
	 * a table seeded at scale must have read, filter and recheck included, at most {@link #MEMBER_ROWS} rows:
	 * one member's or household's rows are a few hundred at most, the kenpo's are 100,000s.
	 */
	private static List<String> rowsRead(Map<String, Captured> statements, DataSource dataSource) throws Exception {
		ObjectMapper json = JsonMapper.builder().build();
		List<String> problems = new ArrayList<>();
		try (Connection connection = dataSource.getConnection()) {
			connection.setAutoCommit(false);
			for (Captured statement : statements.values()) {
				if (statement.request.contains(CONSOLE_HOST) || !statement.sql.stripLeading()
					.toLowerCase(Locale.ROOT)
					.matches("(?s)(select|insert|update|delete|with)\\b.*")) {
					continue;
				}
				try (PreparedStatement explain = connection
					.prepareStatement("explain (analyze, format json) " + statement.sql)) {
					for (ParameterSetOperation parameter : statement.parameters) {
						parameter.getMethod().invoke(explain, parameter.getArgs());
					}
					try (ResultSet rs = explain.executeQuery()) {
						rs.next();
						Map<String, Long> read = new LinkedHashMap<>();
						rowsRead(json.readTree(rs.getString(1)), read);
						read.forEach((table, rows) -> {
							if (rows > MEMBER_ROWS) {
								problems.add(rows + " rows of " + table + " read: " + statement);
							}
						});
					}
				}
				catch (java.sql.SQLException e) {
					// a row the request inserted is there already (its session, say): found by a unique index
					if (!"23505".equals(e.getSQLState())) {
						problems.add("cannot EXPLAIN ANALYZE (" + e.getMessage() + "): " + statement);
					}
				}
				finally {
					connection.rollback();
				}
			}
		}
		return problems;
	}

	/** Per seeded table, the rows its scan nodes returned or threw away (filter, index recheck), all loops. */
	private static void rowsRead(JsonNode node, Map<String, Long> read) {
		if (node.isArray()) {
			node.forEach(n -> rowsRead(n, read));
		}
		else if (node.isObject()) {
			String table = node.path("Relation Name").asString("").toLowerCase(Locale.ROOT);
			if (SEEDED.contains(table) && node.path("Node Type").asString("").contains("Scan")) {
				long loops = Math.max(1, node.path("Actual Loops").asLong(1));
				long rows = (node.path("Actual Rows").asLong(0) + node.path("Rows Removed by Filter").asLong(0)
						+ node.path("Rows Removed by Index Recheck").asLong(0)) * loops;
				read.merge(table, rows, Long::sum);
			}
			node.values().forEach(n -> rowsRead(n, read));
		}
	}

	private static List<String> seqScans(JsonNode node) {
		List<String> tables = new ArrayList<>();
		if (node.isArray()) {
			node.forEach(n -> tables.addAll(seqScans(n)));
		}
		else if (node.isObject()) {
			if ("Seq Scan".equals(node.path("Node Type").asString()) && node.has("Relation Name")) {
				tables.add(node.get("Relation Name").asString().toLowerCase(Locale.ROOT));
			}
			node.values().forEach(n -> tables.addAll(seqScans(n)));
		}
		return tables;
	}

	/** A distinct statement, its parameters the first time and the request it came from. */
	private record Captured(String sql, List<ParameterSetOperation> parameters, String request) {

		@Override
		public String toString() {
			return request + " → " + sql.replaceAll("\\s+", " ").trim();
		}
	}

	/** The datasource-proxy wrapper around the pool and the filter that names each request. */
	private static final class Capture implements QueryExecutionListener {

		private static final ThreadLocal<String> REQUEST = new ThreadLocal<>();

		final Map<String, Captured> statements = java.util.Collections.synchronizedMap(new LinkedHashMap<>());

		volatile boolean on;

		void install(GenericApplicationContext context) {
			context.getBeanFactory().addBeanPostProcessor(new BeanPostProcessor() {
				@Override
				public Object postProcessAfterInitialization(Object bean, String name) {
					return bean instanceof DataSource ds && "dataSource".equals(name)
							? ProxyDataSourceBuilder.create(ds).name("plans").listener(Capture.this).build() : bean;
				}
			});
			context.registerBean("planCaptureRequestFilter", FilterRegistrationBean.class, () -> {
				Filter filter = (request, response, chain) -> {
					HttpServletRequest http = (HttpServletRequest) request;
					REQUEST.set(http.getMethod() + " " + http.getServerName() + http.getRequestURI());
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

		@Override
		public void beforeQuery(ExecutionInfo execution, List<QueryInfo> queries) {
		}

		@Override
		public void afterQuery(ExecutionInfo execution, List<QueryInfo> queries) {
			String request = REQUEST.get();
			if (!on || request == null) {
				return; // not a request thread: scheduled jobs, the test's own seeding
			}
			for (QueryInfo query : queries) {
				List<ParameterSetOperation> parameters = query.getParametersList().isEmpty() ? List.of()
						: List.copyOf(query.getParametersList().get(0));
				statements.putIfAbsent(query.getQuery(), new Captured(query.getQuery(), parameters, request));
			}
		}
	}
}
