package jp.kenpoportal.admin.dashboard;

import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import jp.kenpoportal.account.Accounts;
import jp.kenpoportal.admin.staff.StaffRole;
import jp.kenpoportal.audit.AuditTrail;
import jp.kenpoportal.member.MemberDirectory;
import jp.kenpoportal.signin.RateLimits;
import jp.kenpoportal.support.MutableClock;
import jp.kenpoportal.support.PortalTest;
import jp.kenpoportal.support.TestBrowser;
import jp.kenpoportal.support.TestBrowser.Download;
import jp.kenpoportal.support.TestBrowser.Page;
import jp.kenpoportal.support.TestStaff;
import jp.kenpoportal.support.TestStaff.Staff;
import jp.kenpoportal.tenant.KenpoDirectory;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** 登録状況ダッシュボード: the figures of a known roster, the CSV in both encodings, and one kenpo's figures only. */
@PortalTest
class DashboardTest {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuu年M月d日");

	@LocalServerPort
	int port;

	@Autowired
	TestStaff staff;

	@Autowired
	KenpoDirectory kenpos;

	@Autowired
	MemberDirectory members;

	@Autowired
	Accounts accounts;

	@Autowired
	AuditTrail audit;

	@Autowired
	MutableClock clock;

	@Autowired
	RateLimits limits;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void whenAViewerOpensTheDashboardThenTheFiguresAreThoseOfTheKnownRoster() {
		DashboardFixture k = fixture().known();
		TestBrowser console = TestBrowser.console(port);
		staff.signIn(console, staff.create(k.kenpo.code(), StaffRole.VIEWER));

		Page page = console.get("/dashboard");

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.heading()).isEqualTo("登録状況ダッシュボード");
		assertThat(figures(page)).containsExactly(Map.entry("被保険者（名簿）", "5人"), Map.entry("アカウントあり", "4人"),
				Map.entry("初回登録済み", "3人"), Map.entry("登録率", "60.0%"));
		assertThat(table(page, "事業所別")).containsExactly(List.of("001", "さくら電機本社", "3", "3", "2", "66.7%"),
				List.of("002", "さくら電機工場", "1", "1", "1", "100.0%"), List.of("事業所未登録", "1", "0", "0", "0.0%"));
		assertThat(page.doc().text()).doesNotContain("記号別");
		assertThat(table(page, "年齢別")).containsExactly(List.of("29歳以下", "1", "1", "1", "100.0%"),
				List.of("30代", "1", "1", "1", "100.0%"), List.of("40代", "1", "1", "0", "0.0%"),
				List.of("50代", "1", "1", "1", "100.0%"), List.of("60歳以上", "1", "0", "0", "0.0%"));
		assertThat(table(page, "認証方法の内訳")).containsExactly(List.of("OTPメール認証", "1", "33.3%"),
				List.of("OTPアプリ認証", "1", "33.3%"), List.of("生体認証（パスキー）", "1", "33.3%"));
		assertThat(page.doc().select(".facts dd").eachText()).containsExactly("1件", "1件");
		List<List<String>> days = table(page, "直近30日の推移");
		assertThat(days).hasSize(30);
		assertThat(days.get(29)).containsExactly(DAY.format(k.today), "1", "3", "2");
		assertThat(days.get(26)).containsExactly(DAY.format(k.today.minusDays(3)), "1", "1", "1");
		assertThat(days.get(19)).containsExactly(DAY.format(k.today.minusDays(10)), "1", "0", "0");
		assertThat(days.get(9)).containsExactly(DAY.format(k.today.minusDays(20)), "1", "0", "0");
		assertThat(page.doc().select("svg title").eachText()).containsExactly("日別の初回登録の完了（30日で4件）",
				"日別のログイン（30日で4回）");
		assertThat(page.doc().select("svg rect.chart__bar")).hasSize(4 + 2);
	}

	@Test
	void whenWeeklyIsChosenThenTheFiguresAreAddedUpPerWeekFromMonday() {
		DashboardFixture k = fixture().known();
		TestBrowser console = TestBrowser.console(port);
		staff.signIn(console, staff.create(k.kenpo.code(), StaffRole.CLERK));

		Page page = console.get("/dashboard?period=week");

		List<List<String>> weeks = table(page, "直近26週の推移");
		assertThat(weeks).hasSize(26);
		assertThat(weeks.stream().mapToLong(r -> Long.parseLong(r.get(1))).sum()).isEqualTo(4);
		assertThat(weeks.stream().mapToLong(r -> Long.parseLong(r.get(2))).sum()).isEqualTo(4);
		java.time.LocalDate monday = k.today.with(java.time.temporal.TemporalAdjusters
			.previousOrSame(java.time.DayOfWeek.MONDAY));
		assertThat(weeks.get(25).get(0)).isEqualTo(DAY.format(monday) + "からの週");
	}

	@Test
	void whenStaffDownloadTheCsvThenBothEncodingsReadBackFormulaSafeAndAudited() throws Exception {
		DashboardFixture k = fixture().known();
		TestBrowser console = TestBrowser.console(port);
		Staff clerk = staff.create(k.kenpo.code(), StaffRole.CLERK);
		staff.signIn(console, clerk);

		Download ms932 = console.download("/dashboard/not-registered.csv?encoding=MS932").keep("not-registered-ms932.csv");
		Download utf8 = console.download("/dashboard/not-registered.csv?encoding=UTF_8").keep("not-registered-utf8.csv");

		assertThat(ms932.status()).isEqualTo(200);
		assertThat(ms932.header("Content-Type")).isEqualToIgnoringCase("text/csv;charset=windows-31j");
		assertThat(ms932.header("Content-Disposition")).startsWith("attachment;").contains(".csv");
		assertThat(ms932.header("Cache-Control")).contains("no-store");
		List<List<String>> sjis = read(ms932.body(), Charset.forName("windows-31j"));
		String c = String.format("%04d", 3);
		String e = String.format("%04d", 5);
		assertThat(sjis).containsExactly(List.of("記号", "番号", "氏名", "氏名カナ", "生年月日"),
				List.of("11", c, "〓田 千春", "ヨシダ チハル", k.today.minusYears(45).toString().replace('-', '/')),
				List.of("22", e, "'=HYPERLINK(\"http://x\")", "エノモト, エミ",
						k.today.minusYears(65).toString().replace('-', '/')));
		assertThat(utf8.body()[0]).isEqualTo((byte) 0xEF);
		List<List<String>> unicode = read(utf8.body(), StandardCharsets.UTF_8);
		assertThat(unicode.get(0).get(0)).isEqualTo("\uFEFF記号");
		assertThat(unicode.get(1).get(2)).isEqualTo("𠮷田 千春");
		assertThat(unicode.subList(2, 3)).isEqualTo(sjis.subList(2, 3));
		assertThat(jdbc.sql("select detail from audit_event where staff_id = ? and type = 'STAFF_DASHBOARD_DOWNLOADED' order by id")
			.param(clerk.id())
			.query(String.class)
			.list()).containsExactly("not-registered.csv MS932", "not-registered.csv UTF_8");
	}

	@Test
	void whenTheEncodingIsUnknownThenTheDashboardSaysSoAndNothingIsDownloaded() {
		DashboardFixture k = fixture();
		TestBrowser console = TestBrowser.console(port);
		staff.signIn(console, staff.create(k.kenpo.code(), StaffRole.ADMIN));

		Page page = console.get("/dashboard/not-registered.csv?encoding=EBCDIC");

		assertThat(page.path()).startsWith("/dashboard?csvError");
		assertThat(page.error()).isEqualTo("文字コードを選んでください。");
	}

	@Test
	void whenAStaffMemberHasDownloadedTheirShareThenTheCsvIsRefusedAndAudited() {
		DashboardFixture k = fixture();
		TestBrowser console = TestBrowser.console(port);
		Staff admin = staff.create(k.kenpo.code(), StaffRole.ADMIN);
		staff.signIn(console, admin);
		while (limits.tryAcquire(RateLimits.Limit.DOWNLOADS_PER_ACCOUNT, "staff:" + admin.id())) {
			// what earlier downloads would have taken
		}

		assertThat(console.download("/dashboard/not-registered.csv?encoding=UTF_8").status()).isEqualTo(429);
		assertThat(jdbc.sql("select type from audit_event where staff_id = ? and type like 'STAFF_DASHBOARD%'")
			.param(admin.id())
			.query(String.class)
			.list()).containsExactly("STAFF_DASHBOARD_DOWNLOAD_THROTTLED");
	}

	@Test
	void whenStaffOfAnotherKenpoOrAnOperatorLookThenTheyOnlySeeTheirKenposFigures() {
		DashboardFixture known = fixture().known();
		DashboardFixture other = fixture();
		other.insured("77", "別健 保子", "ベツケン ヤスコ", other.today.minusYears(40), null);
		TestBrowser console = TestBrowser.console(port);
		staff.signIn(console, staff.create(other.kenpo.code(), StaffRole.ADMIN));

		// the kenpo is the staff member's own, whatever the request says
		Page page = console.get("/dashboard?kenpoId=" + known.kenpo.id() + "&kenpo=" + known.kenpo.code());
		assertThat(figures(page)).containsEntry("被保険者（名簿）", "1人").containsEntry("初回登録済み", "0人");
		assertThat(table(page, "事業所別")).containsExactly(List.of("事業所未登録", "1", "0", "0", "0.0%"));
		assertThat(page.doc().select("svg title").eachText()).containsExactly("日別の初回登録の完了（30日で0件）",
				"日別のログイン（30日で0回）");
		String csv = new String(console.download("/dashboard/not-registered.csv?encoding=UTF_8").body(),
				StandardCharsets.UTF_8);
		assertThat(csv).contains("別健 保子").doesNotContain("𠮷田", "ヨシダ");

		TestBrowser operatorConsole = TestBrowser.console(port);
		staff.signIn(operatorConsole, staff.create(null, StaffRole.OPERATOR));
		assertThat(operatorConsole.get("/dashboard").path()).isEqualTo("/kenpos");
		operatorConsole.postWithCsrf("/kenpos/choose", Map.of("kenpoId", Long.toString(other.kenpo.id())));
		Page chosen = operatorConsole.get("/dashboard");
		assertThat(figures(chosen)).containsEntry("被保険者（名簿）", "1人");
		assertThat(chosen.text()).contains(other.kenpo.name());
	}

	@Test
	void whenStaffSignInThenTheHomeLeadsWithTheRegistrationFigures() {
		DashboardFixture k = fixture().known();
		TestBrowser console = TestBrowser.console(port);

		Page home = staff.signIn(console, staff.create(k.kenpo.code(), StaffRole.VIEWER));

		assertThat(home.path()).isEqualTo("/");
		assertThat(figures(home)).containsEntry("登録率", "60.0%");
		assertThat(home.doc().select("a[href=/dashboard]").eachText()).contains("登録状況ダッシュボードを開く", "登録状況");
	}

	private DashboardFixture fixture() {
		return new DashboardFixture(kenpos, members, accounts, audit, clock);
	}

	private static Map<String, String> figures(Page page) {
		Map<String, String> figures = new LinkedHashMap<>();
		for (Element item : page.doc().select(".stats__item")) {
			figures.put(item.selectFirst("dt").text(), item.selectFirst("dd").text());
		}
		return figures;
	}

	/** The body rows of the table with this caption, as the cells' text. */
	private static List<List<String>> table(Page page, String caption) {
		Element table = page.doc()
			.select("table")
			.stream()
			.filter(t -> t.selectFirst("caption") != null && t.selectFirst("caption").text().equals(caption))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no table " + caption));
		return table.select("tbody tr").stream().map(tr -> tr.children().eachText()).toList();
	}

	private static List<List<String>> read(byte[] body, Charset charset) throws Exception {
		try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(new StringReader(new String(body, charset)))) {
			return reader.stream().map(CsvRecord::getFields).toList();
		}
	}
}
