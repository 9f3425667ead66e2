package jp.kenpoportal.admin.settings;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import jp.kenpoportal.account.Accounts;
import jp.kenpoportal.admin.staff.StaffRole;
import jp.kenpoportal.support.Journeys;
import jp.kenpoportal.support.Mailbox;
import jp.kenpoportal.support.MutableClock;
import jp.kenpoportal.support.PortalTest;
import jp.kenpoportal.support.TestBrowser;
import jp.kenpoportal.support.TestBrowser.Page;
import jp.kenpoportal.support.TestKenpos;
import jp.kenpoportal.support.TestMembers;
import jp.kenpoportal.support.TestMembers.TestMember;
import jp.kenpoportal.support.TestStaff;
import jp.kenpoportal.support.TestStaff.Staff;
import jp.kenpoportal.tenant.Kenpo;
import jp.kenpoportal.tenant.KenpoDirectory;
import jp.kenpoportal.tenant.SecondFactor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** 設定: each setting changed through the confirmation, then seen from the member's side. */
@PortalTest
class SettingsTest {

	@LocalServerPort
	int port;

	@Autowired
	TestStaff staff;

	@Autowired
	TestMembers members;

	@Autowired
	KenpoDirectory kenpos;

	@Autowired
	Accounts accounts;

	@Autowired
	Mailbox mailbox;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void whenTheMinimumLengthIsRaisedThenTheConfirmationShowsOldAndNewAndMembersMustChooseLongerPasswords() {
		Kenpo kenpo = TestKenpos.allFactors(kenpos);
		Staff admin = staff.create(kenpo.code(), StaffRole.ADMIN);
		TestBrowser console = TestBrowser.console(port);
		staff.signIn(console, admin);

		Page confirm = SettingsTestSupport.confirm(console, Map.of("minLength", "12"));
		assertThat(confirm.doc().select("table.settings-changes tbody tr")).singleElement()
			.satisfies(row -> assertThat(row.text()).isEqualTo("パスワードの最小文字数 8 12"));
		assertThat(kenpos.findById(kenpo.id()).orElseThrow().passwordRules().minLength()).isEqualTo(8);
		Page saved = console.submit("/settings", Map.of("action", "save"));

		assertThat(saved.info()).contains("保存しました");
		assertThat(saved.value("minLength")).isEqualTo("12");
		assertThat(audit(admin, "KENPO_SETTINGS_CHANGED")).containsExactly("passwordMinLength: 8 → 12");
		TestMember member = members.newMember(kenpo.code());
		TestBrowser browser = new TestBrowser(port, member.host());
		SettingsTestSupport.toUserIdStep(browser, mailbox, member);
		browser.submit("/onboarding/user-id", Map.of("userId", member.loginId(), "factor", "EMAIL_CODE"));
		Page tooShort = browser.submit("/onboarding/password",
				Map.of("password", "Short-pw-1", "passwordConfirm", "Short-pw-1"));
		assertThat(tooShort.path()).isEqualTo("/onboarding/password");
		assertThat(tooShort.text()).contains("12〜64文字");
		assertThat(browser.submit("/onboarding/password",
				Map.of("password", "Long-enough-pw-1", "passwordConfirm", "Long-enough-pw-1")).path())
			.isEqualTo("/onboarding/factor");
	}

	@Test
	void whenAFactorIsNoLongerAllowedThenNewMembersCannotChooseIt() {
		Kenpo kenpo = TestKenpos.allFactors(kenpos);
		Staff admin = staff.create(kenpo.code(), StaffRole.ADMIN);
		TestBrowser console = TestBrowser.console(port);
		staff.signIn(console, admin);

		Page saved = SettingsTestSupport.change(console,
				Map.of("allowedFactors", "EMAIL_CODE,PASSKEY", "recommendedFactor", "PASSKEY"));

		assertThat(saved.info()).contains("保存しました");
		assertThat(kenpos.findById(kenpo.id()).orElseThrow().allowedFactors())
			.containsExactlyInAnyOrder(SecondFactor.EMAIL_CODE, SecondFactor.PASSKEY);
		assertThat(audit(admin, "KENPO_SETTINGS_CHANGED")).singleElement()
			.isEqualTo("allowedFactors: [EMAIL_CODE, TOTP, PASSKEY] → [EMAIL_CODE, PASSKEY]; "
					+ "recommendedFactor: EMAIL_CODE → PASSKEY");
		TestMember member = members.newMember(kenpo.code());
		Page choices = SettingsTestSupport.toUserIdStep(new TestBrowser(port, member.host()), mailbox, member);
		assertThat(choices.doc().select("input[name=factor]").eachAttr("value")).containsExactly("EMAIL_CODE", "PASSKEY");
	}

	@Test
	void whenAServiceIsDisabledThenItsPagesAnswer404ToMembers() {
		Kenpo kenpo = TestKenpos.allFactors(kenpos);
		Staff admin = staff.create(kenpo.code(), StaffRole.ADMIN);
		TestBrowser console = TestBrowser.console(port);
		staff.signIn(console, admin);
		SettingsTestSupport.change(console, Map.of("enabledServices", "medical,benefit"));
		TestMember member = members.newMember(kenpo.code());
		TestBrowser browser = new TestBrowser(port, member.host());
		Journeys.onboard(browser, mailbox, member, "Service-Test-Pass-1");
		assertThat(browser.get("/medical").status()).isEqualTo(200);

		SettingsTestSupport.change(console, Map.of("enabledServices", "benefit"));

		// at once on this node: the host look-up cache was refreshed by the change
		assertThat(browser.get("/medical").status()).isEqualTo(404);
		assertThat(browser.get("/").text()).doesNotContain("医療費のお知らせ");
	}

	@Test
	void whenLinksContactDeadlineAndPublicationDayChangeThenAllAreSavedAndMembersSeeTheLinks() {
		Kenpo kenpo = TestKenpos.allFactors(kenpos);
		Staff admin = staff.create(kenpo.code(), StaffRole.ADMIN);
		TestBrowser console = TestBrowser.console(port);
		staff.signIn(console, admin);

		Page confirm = SettingsTestSupport.confirm(console, Map.of("links", "人間ドック予約 https://dock.example.jp/yoyaku",
				"contactEmail", "madoguchi@kenpo.example", "contactPhone", "03-1234-5678",
				"initialPasswordDeadline", "2027-03-31", "publicationDay", "20"));
		assertThat(confirm.doc().select("table.settings-changes tbody th").eachText()).containsExactly(
				"リンク（外部サービス）", "問い合わせ先メールアドレス", "問い合わせ先電話番号", "仮パスワードの有効期限",
				"データの公開日（毎月）");
		console.submit("/settings", Map.of("action", "save"));

		Kenpo saved = kenpos.findById(kenpo.id()).orElseThrow();
		assertThat(saved.links()).extracting(l -> l.title() + " " + l.url())
			.containsExactly("人間ドック予約 https://dock.example.jp/yoyaku");
		assertThat(saved.contactEmail()).isEqualTo("madoguchi@kenpo.example");
		assertThat(saved.contactPhone()).isEqualTo("03-1234-5678");
		assertThat(saved.initialPasswordDeadline())
			.isEqualTo(LocalDate.of(2027, 4, 1).atStartOfDay(ZoneId.of("Asia/Tokyo")).toInstant());
		assertThat(kenpos.settings(kenpo.id()).orElseThrow().publicationDay()).isEqualTo(20);
		TestMember member = members.newMember(kenpo.code());
		TestBrowser browser = new TestBrowser(port, member.host());
		Journeys.onboard(browser, mailbox, member, "Links-Test-Pass-1");
		assertThat(browser.get("/").doc().select("a[href=https://dock.example.jp/yoyaku]").text()).contains("人間ドック予約");
	}

	@Test
	void whenAccessAfterLossOfQualificationIsGivenInMonthsThenItIsConfirmedSavedAuditedAndCanBeEndedAgain() {
		Kenpo kenpo = TestKenpos.allFactors(kenpos);
		Staff admin = staff.create(kenpo.code(), StaffRole.ADMIN);
		TestBrowser console = TestBrowser.console(port);
		staff.signIn(console, admin);
		assertThat(console.get("/settings").doc().select("input[name=accessAfterLoss][checked]").attr("value"))
			.isEqualTo("none");

		Page bad = SettingsTestSupport.confirm(console, Map.of("accessAfterLoss", "months", "accessMonths", "25"));
		assertThat(bad.error()).contains("資格喪失日からの月数は1〜24の数字で");
		assertThat(bad.value("accessMonths")).isEqualTo("25");
		assertThat(bad.doc().select("input[name=accessAfterLoss][checked]").attr("value")).isEqualTo("months");

		Page confirm = SettingsTestSupport.confirm(console, Map.of("accessAfterLoss", "months", "accessMonths", "３"));
		assertThat(confirm.doc().select("table.settings-changes tbody tr").eachText())
			.containsExactly("資格喪失後の利用 なし（資格喪失日で利用終了） 資格喪失日から3か月");
		console.submit("/settings", Map.of("action", "save"));

		Kenpo saved = kenpos.findById(kenpo.id()).orElseThrow();
		assertThat(saved.accessMonthsAfterLoss()).isEqualTo(3);
		assertThat(saved.accessEndsOn(LocalDate.of(2026, 9, 30))).isEqualTo(LocalDate.of(2026, 12, 30));
		assertThat(audit(admin, "KENPO_SETTINGS_CHANGED")).containsExactly("accessMonthsAfterLoss: 0 → 3");
		assertThat(console.get("/settings").value("accessMonths")).isEqualTo("3");

		SettingsTestSupport.change(console, Map.of("accessAfterLoss", "none", "accessMonths", "3"));
		assertThat(kenpos.findById(kenpo.id()).orElseThrow().accessMonthsAfterLoss()).isZero();
	}

	@Test
	void whenTheInputIsWrongThenJapaneseMessagesShowOnTheSamePageWithTheInputKeptAndNothingSaved() {
		Kenpo kenpo = TestKenpos.allFactors(kenpos);
		Staff admin = staff.create(kenpo.code(), StaffRole.ADMIN);
		TestBrowser console = TestBrowser.console(port);
		staff.signIn(console, admin);

		Page bad = SettingsTestSupport.confirm(console, Map.of("minLength", "6", "maxLength", "5", "allowedFactors", "TOTP",
				"recommendedFactor", "EMAIL_CODE", "links", "予約 http://dock.example.jp", "publicationDay", "31"));

		assertThat(bad.heading()).isEqualTo("設定");
		assertThat(bad.error()).contains("最小文字数は8以上", "最大文字数は最小文字数以上", "おすすめの方式は、使える方式の中から",
				"https:// で始まるものだけ", "1〜28の数字");
		assertThat(bad.value("minLength")).isEqualTo("6");
		assertThat(bad.doc().selectFirst("textarea[name=links]").wholeText()).isEqualTo("予約 http://dock.example.jp");
		assertThat(bad.doc().select("input[name=allowedFactors][checked]").eachAttr("value")).containsExactly("TOTP");
		Page none = SettingsTestSupport.confirm(console, Map.of("allowedFactors", ""));
		assertThat(none.error()).contains("2段階認証の方式を1つ以上選んでください");
		assertThat(kenpos.findById(kenpo.id()).orElseThrow().passwordRules().minLength()).isEqualTo(8);
		assertThat(audit(admin, "KENPO_SETTINGS_CHANGED")).isEmpty();
	}

	@Test
	void whenTheSecondFactorIsOlderThanFiveMinutesThenTheAppIsAskedAgainAndTheConfirmedChangeIsOfferedAgain() {
		Kenpo kenpo = TestKenpos.allFactors(kenpos);
		Staff admin = staff.create(kenpo.code(), StaffRole.ADMIN);
		TestBrowser console = TestBrowser.console(port);
		staff.signIn(console, admin);
		Page confirm = SettingsTestSupport.confirm(console, Map.of("minLength", "10"));
		assertThat(confirm.heading()).isEqualTo("変更内容の確認");

		clock.advance(Duration.ofMinutes(6));
		Page asked = console.submit("/settings", Map.of("action", "save"));

		assertThat(asked.path()).startsWith("/mfa");
		assertThat(kenpos.findById(kenpo.id()).orElseThrow().passwordRules().minLength()).isEqualTo(8);
		Page resume = console.submit("/mfa", Map.of("code", staff.code(admin)));
		assertThat(resume.path()).isEqualTo("/mfa/resume");
		assertThat(kenpos.findById(kenpo.id()).orElseThrow().passwordRules().minLength()).isEqualTo(8);
		Page saved = console.submit("/settings", Map.of());
		assertThat(saved.path()).isEqualTo("/settings?saved");
		assertThat(kenpos.findById(kenpo.id()).orElseThrow().passwordRules().minLength()).isEqualTo(10);
	}

	@Test
	void whenANewTermsVersionIsScheduledThenMembersAreAskedToAcceptItOnlyFromItsDate() {
		Kenpo kenpo = TestKenpos.allFactors(kenpos);
		TestMember member = members.newMember(kenpo.code());
		String password = "Terms-Date-Pass-1";
		Journeys.onboard(new TestBrowser(port, member.host()), mailbox, member, password);
		Staff admin = staff.create(kenpo.code(), StaffRole.ADMIN);
		TestBrowser console = TestBrowser.console(port);
		staff.signIn(console, admin);
		LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneId.of("Asia/Tokyo"));

		console.get("/settings/terms");
		Page past = console.submit("/settings/terms/preview",
				Map.of("title", "改定版", "body", "第1条", "effectiveDate", today.minusDays(1).toString()));
		assertThat(past.error()).contains("施行日は今日以降の日付");
		assertThat(past.value("title")).isEqualTo("改定版");
		Page preview = console.submit("/settings/terms/preview", Map.of("title", "利用規約（第2版）",
				"body", "第1条 この規約は改定されました。", "effectiveDate", today.plusDays(2).toString()));
		assertThat(preview.heading()).isEqualTo("利用規約のプレビュー");
		assertThat(preview.doc().select("article.terms").text()).contains("利用規約（第2版）", "第1条 この規約は改定されました。");
		assertThat(kenpos.termsVersions(kenpo.id())).hasSize(1);
		Page published = console.submit("/settings/terms", Map.of("action", "publish"));
		assertThat(published.info()).contains("新しい版を公開しました");
		assertThat(published.text()).contains("施行予定");
		assertThat(audit(admin, "TERMS_VERSION_PUBLISHED")).singleElement()
			.satisfies(d -> assertThat(d).startsWith("v1 → v2 「利用規約（第2版）」 effective "));

		Page before = Journeys.signInWithCode(new TestBrowser(port, member.host()), mailbox, member, password);
		assertThat(before.heading()).isEqualTo("ホーム");

		clock.advance(Duration.ofDays(2));
		Page after = Journeys.signInWithCode(new TestBrowser(port, member.host()), mailbox, member, password);
		assertThat(after.path()).isEqualTo("/onboarding/terms");
		assertThat(after.text()).contains("第1条 この規約は改定されました。");
	}

	private List<String> audit(Staff actor, String type) {
		return jdbc.sql("select detail from audit_event where staff_id = ? and type = ? order by id")
			.params(actor.id(), type)
			.query(String.class)
			.list();
	}
}
