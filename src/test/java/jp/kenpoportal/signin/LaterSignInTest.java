package jp.kenpoportal.signin;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jp.kenpoportal.audit.AuditTrail;
import jp.kenpoportal.audit.AuditType;
import jp.kenpoportal.support.Journeys;
import jp.kenpoportal.support.Mailbox;
import jp.kenpoportal.support.MutableClock;
import jp.kenpoportal.support.PortalTest;
import jp.kenpoportal.support.TestBrowser;
import jp.kenpoportal.support.TestBrowser.Page;
import jp.kenpoportal.support.TestMembers;
import jp.kenpoportal.support.TestMembers.TestMember;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@PortalTest
class LaterSignInTest {

	private static final String PASSWORD = "Later-Sign-In-7";

	@LocalServerPort
	int port;

	@Autowired
	TestMembers members;

	@Autowired
	Mailbox mailbox;

	@Autowired
	MutableClock clock;

	@Autowired
	AuditTrail audit;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	private TestMember onboardedMember() {
		TestMember member = members.newMember("sakura");
		Journeys.onboard(new TestBrowser(port, member.host()), mailbox, member, PASSWORD);
		return member;
	}

	@Test
	void whenPasswordAndMailedCodeAreRightThenTheFirstAskedPageOpens() {
		TestMember member = onboardedMember();
		TestBrowser browser = new TestBrowser(port, member.host());
		assertThat(browser.get("/terms").path()).isEqualTo("/login");
		int before = mailbox.count(member.email());

		Page codePage = browser.submit("/login", Map.of("userId", member.loginId(), "password", PASSWORD));
		assertThat(codePage.path()).startsWith("/mfa/email");
		assertThat(codePage.text()).contains("m***@example.com");
		String code = mailbox.awaitMail(member.email(), before + 1).code();
		Page page = browser.submit("/mfa/email", Map.of("code", code));

		assertThat(page.path()).startsWith("/terms");
		assertThat(page.heading()).isEqualTo("利用規約");
		assertThat(audit.recent(member.kenpo().id(), member.accountId(), 3)).extracting(e -> e.type())
			.contains(AuditType.SIGN_IN_SECOND_FACTOR_ACCEPTED);
	}

	@Test
	void whenTheMemberSignsInAgainRightAfterASignInThenANewCodeIsSent() {
		TestMember member = onboardedMember();
		Journeys.signInWithCode(new TestBrowser(port, member.host()), mailbox, member, PASSWORD);

		Page again = Journeys.signInWithCode(new TestBrowser(port, member.host()), mailbox, member, PASSWORD);

		assertThat(again.heading()).isEqualTo("ホーム");
	}

	@Test
	void whenCodeIsTypedWithSpacesAndFullWidthDigitsThenItIsAccepted() {
		TestMember member = onboardedMember();
		TestBrowser browser = new TestBrowser(port, member.host());
		int before = mailbox.count(member.email());
		Journeys.signIn(browser, member.loginId(), PASSWORD);
		String code = mailbox.awaitMail(member.email(), before + 1).code();
		String typed = " " + toFullWidth(code.substring(0, 3)) + " " + code.substring(3) + " ";

		assertThat(browser.submit("/mfa/email", Map.of("code", typed)).heading()).isEqualTo("ホーム");
	}

	@Test
	void whenUserIdIsTypedInUpperCaseAndFullWidthThenItSignsIn() {
		TestMember member = onboardedMember();
		TestBrowser browser = new TestBrowser(port, member.host());

		Page page = Journeys.signIn(browser, " " + toFullWidth(member.loginId().toUpperCase()) + " ", PASSWORD);

		assertThat(page.path()).startsWith("/mfa/email");
	}

	@Test
	void whenCodeIsWrongThenSaysSoAndStaysOnThePage() {
		TestMember member = onboardedMember();
		TestBrowser browser = new TestBrowser(port, member.host());
		Journeys.signIn(browser, member.loginId(), PASSWORD);

		Page page = browser.submit("/mfa/email", Map.of("code", "000000"));

		assertThat(page.path()).startsWith("/mfa/email");
		assertThat(page.error()).contains("認証コードが正しくありません。");
		assertThat(browser.get("/").path()).startsWith("/mfa/email");
	}

	@Test
	void whenCodeWasUsedOnceThenItIsRefusedTheSecondTime() {
		TestMember member = onboardedMember();
		TestBrowser first = new TestBrowser(port, member.host());
		int before = mailbox.count(member.email());
		Journeys.signIn(first, member.loginId(), PASSWORD);
		String code = mailbox.awaitMail(member.email(), before + 1).code();
		assertThat(first.submit("/mfa/email", Map.of("code", code)).heading()).isEqualTo("ホーム");

		TestBrowser second = new TestBrowser(port, member.host());
		Journeys.signIn(second, member.loginId(), PASSWORD);
		Page page = second.submit("/mfa/email", Map.of("code", code));

		assertThat(page.path()).startsWith("/mfa/email");
		assertThat(page.error()).isNotEmpty();
	}

	@Test
	void whenCodeIsOlderThanTenMinutesThenItHasExpired() {
		TestMember member = onboardedMember();
		TestBrowser browser = new TestBrowser(port, member.host());
		int before = mailbox.count(member.email());
		Journeys.signIn(browser, member.loginId(), PASSWORD);
		String code = mailbox.awaitMail(member.email(), before + 1).code();

		clock.advance(Duration.ofMinutes(10).plusSeconds(1));
		Page page = browser.submit("/mfa/email", Map.of("code", code));

		assertThat(page.error()).contains("有効期限が切れた");
	}

	@Test
	void whenResendIsPressedTooSoonThenItWaitsAndAfterAMinuteTheNewCodeVoidsTheOld() {
		TestMember member = onboardedMember();
		TestBrowser browser = new TestBrowser(port, member.host());
		int before = mailbox.count(member.email());
		Journeys.signIn(browser, member.loginId(), PASSWORD);
		String oldCode = mailbox.awaitMail(member.email(), before + 1).code();

		Page tooSoon = browser.submit("/mfa/email/resend", Map.of());
		assertThat(tooSoon.error()).contains("再送信は");
		clock.advance(Duration.ofSeconds(61));
		Page resent = browser.submit("/mfa/email/resend", Map.of());
		assertThat(resent.info()).contains("新しいコードを送信しました");
		String newCode = mailbox.awaitMail(member.email(), before + 2).code();

		if (!newCode.equals(oldCode)) {
			assertThat(browser.submit("/mfa/email", Map.of("code", oldCode)).error()).isNotEmpty();
		}
		assertThat(browser.submit("/mfa/email", Map.of("code", newCode)).heading()).isEqualTo("ホーム");
	}

	@Test
	void whenCodesAreSentAgainTooOftenThenTheAccountsHourlyQuotaStopsThem() {
		TestMember member = onboardedMember();
		TestBrowser browser = new TestBrowser(port, member.host());
		Journeys.signIn(browser, member.loginId(), PASSWORD);

		Page page = null;
		for (int i = 0; i < 11; i++) {
			clock.advance(Duration.ofSeconds(61));
			page = browser.submit("/mfa/email/resend", Map.of());
		}

		assertThat(page.error()).contains("しばらく送信できません");
	}

	@Test
	void whenOneClientAddressSendsCodesAgainForManyAccountsThenItsHourlyQuotaStopsItButNotTheMembersElsewhere() {
		List<TestMember> accounts = List.of(onboardedMember(), onboardedMember(), onboardedMember());
		String address = "192.0.2.77";
		// onboarding and the sign-in sent each account 3 of its 10 codes an hour: 7 + 7 + 6 resends
		// from the one address make its 20
		int[] resends = { 7, 7, 6 };
		TestBrowser browser = null;
		for (int a = 0; a < accounts.size(); a++) {
			browser = new TestBrowser(port, accounts.get(a).host(), address);
			Journeys.signIn(browser, accounts.get(a).loginId(), PASSWORD);
			for (int i = 0; i < resends[a]; i++) {
				clock.advance(Duration.ofSeconds(61));
				assertThat(browser.submit("/mfa/email/resend", Map.of()).info()).as("account %d resend %d", a + 1, i + 1)
					.contains("新しいコードを送信しました");
			}
		}
		TestMember last = accounts.get(2);

		clock.advance(Duration.ofSeconds(61));
		Page refused = browser.submit("/mfa/email/resend", Map.of());

		assertThat(refused.error()).contains("しばらく送信できません");
		TestBrowser elsewhere = new TestBrowser(port, last.host(), "198.51.100.77");
		Journeys.signIn(elsewhere, last.loginId(), PASSWORD);
		clock.advance(Duration.ofSeconds(61));
		// the same account from elsewhere still has its last resend of the hour
		assertThat(elsewhere.submit("/mfa/email/resend", Map.of()).info()).contains("新しいコードを送信しました");
	}

	@Test
	void whenFiveWrongCodesAreTypedThenTheCodeIsVoidAndTheAccountLocks(
			@Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc) {
		TestMember member = onboardedMember();
		TestBrowser browser = new TestBrowser(port, member.host());
		int before = mailbox.count(member.email());
		Journeys.signIn(browser, member.loginId(), PASSWORD);
		String code = mailbox.awaitMail(member.email(), before + 1).code();
		String wrong = code.equals("111111") ? "222222" : "111111";

		Page page = null;
		for (int i = 0; i < 5; i++) {
			page = browser.submit("/mfa/email", Map.of("code", wrong));
		}

		assertThat(page.path()).startsWith("/login");
		assertThat(page.error()).contains("ロック");
		assertThat(jdbc.sql("select count(*) from email_code where account_id = ? and voided_at is not null")
			.param(member.accountId())
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void whenWrongCodesAreSpreadOverNewPasswordSignInsThenTheyStillAddUpToALock() {
		TestMember member = onboardedMember();
		Page last = null;
		for (int signIn = 0; signIn < 3; signIn++) {
			TestBrowser browser = new TestBrowser(port, member.host());
			Journeys.signIn(browser, member.loginId(), PASSWORD);
			for (int i = 0; i < 2 && (last == null || !last.path().startsWith("/login")); i++) {
				last = browser.submit("/mfa/email", Map.of("code", "00000" + i));
			}
		}

		assertThat(last.error()).contains("ロック");
	}

	@Test
	void whenTheInitialPasswordIsUsedAfterOnboardingThenItIsRefused() {
		TestMember member = onboardedMember();
		TestBrowser browser = new TestBrowser(port, member.host());

		Page page = Journeys.signIn(browser, member.loginId(), member.initialPassword());

		assertThat(page.path()).isEqualTo("/login");
		assertThat(page.error()).contains("無効なユーザIDまたはパスワードです。");
	}

	@Test
	void whenTheKenpoDeadlineHasPassedThenTheInitialPasswordIsRefused() {
		TestMember member = members.newMember("sakura");
		clock.advance(Duration.between(java.time.Instant.now(), member.kenpo().initialPasswordDeadline()).plusDays(1));

		Page page = Journeys.signIn(new TestBrowser(port, member.host()), member.loginId(), member.initialPassword());

		assertThat(page.error()).contains("無効なユーザIDまたはパスワードです。");
	}

	@Test
	void whenRememberMeIsTickedThenTheSessionCookieLastsThirtyDaysAcrossTheCodeStep() {
		TestMember member = onboardedMember();
		TestBrowser browser = new TestBrowser(port, member.host());
		int before = mailbox.count(member.email());
		browser.get("/login");
		browser.submit("/login", Map.of("userId", member.loginId(), "password", PASSWORD, "rememberMe", "true"));
		assertThat(browser.rawSetCookie("KENPO_SESSION")).containsIgnoringCase("Max-Age");
		String code = mailbox.awaitMail(member.email(), before + 1).code();

		browser.submit("/mfa/email", Map.of("code", code));

		assertThat(browser.page().heading()).isEqualTo("ホーム");
		assertThat(browser.rawSetCookie("KENPO_SESSION")).containsIgnoringCase("Max-Age");
	}

	@Test
	void whenRememberMeIsNotTickedThenTheCookieEndsWithTheBrowser() {
		TestMember member = onboardedMember();
		TestBrowser browser = new TestBrowser(port, member.host());

		Journeys.signIn(browser, member.loginId(), PASSWORD);

		assertThat(browser.rawSetCookie("KENPO_SESSION")).doesNotContainIgnoringCase("Max-Age");
	}

	@Test
	void whenMemberSignsOutThenPagesNeedSignInAgainAndTheEventIsAudited() {
		TestMember member = onboardedMember();
		TestBrowser browser = new TestBrowser(port, member.host());
		Journeys.signInWithCode(browser, mailbox, member, PASSWORD);

		assertThat(browser.get("/logout").heading()).isEqualTo("ログアウトしてもよろしいですか?");
		Page page = browser.submit("/logout", Map.of());

		assertThat(page.path()).startsWith("/login");
		assertThat(page.info()).contains("ログアウトしました。");
		assertThat(browser.get("/").path()).isEqualTo("/login");
		assertThat(audit.recent(member.kenpo().id(), member.accountId(), 1)).extracting(e -> e.type())
			.containsExactly(AuditType.SIGNED_OUT);
	}

	@Test
	void whenEachFactorIsProvedThenTheSessionIdChanges() {
		TestMember member = onboardedMember();
		TestBrowser browser = new TestBrowser(port, member.host());
		browser.get("/login");
		String anonymous = browser.cookie("KENPO_SESSION");
		int before = mailbox.count(member.email());
		browser.submit("/login", Map.of("userId", member.loginId(), "password", PASSWORD));
		String afterPassword = browser.cookie("KENPO_SESSION");

		browser.submit("/mfa/email", Map.of("code", mailbox.awaitMail(member.email(), before + 1).code()));

		assertThat(afterPassword).isNotEqualTo(anonymous);
		assertThat(browser.cookie("KENPO_SESSION")).isNotEqualTo(afterPassword);
		assertThat(browser.page().heading()).isEqualTo("ホーム");
	}

	@Test
	void whenSignedInWithoutRememberMeThenTheSessionEndsAfterThirtyMinutesIdleAndWithRememberMeAfterThirtyDays(
			@Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc) {
		TestMember member = onboardedMember();
		TestBrowser plain = new TestBrowser(port, member.host());
		Journeys.signIn(plain, member.loginId(), PASSWORD);
		TestBrowser remembered = new TestBrowser(port, member.host());
		remembered.get("/login");
		remembered.submit("/login", Map.of("userId", member.loginId(), "password", PASSWORD, "rememberMe", "true"));

		java.util.List<Integer> timeouts = jdbc
			.sql("select max_inactive_interval from spring_session where principal_name = ? order by creation_time")
			.param(Long.toString(member.accountId()))
			.query(Integer.class)
			.list();

		// the onboarding session comes first; then the plain one and the remembered one
		assertThat(timeouts.subList(timeouts.size() - 2, timeouts.size())).containsExactly(30 * 60, 30 * 24 * 60 * 60);
	}

	@Test
	void whenPagesAreViewedThenTheSessionsLastAccessIsWrittenOnceAMinuteAndAnIdleSessionStillEnds(
			@Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc) {
		TestMember member = onboardedMember();
		TestBrowser browser = new TestBrowser(port, member.host());
		Journeys.signInWithCode(browser, mailbox, member, PASSWORD);
		String sessionId = new String(java.util.Base64.getDecoder().decode(browser.cookie("KENPO_SESSION")),
				java.nio.charset.StandardCharsets.US_ASCII);
		long now = System.currentTimeMillis();

		lastAccess(jdbc, sessionId, now - 30_000);
		assertThat(browser.get("/").heading()).isEqualTo("ホーム");
		assertThat(lastAccess(jdbc, sessionId)).isEqualTo(now - 30_000);

		lastAccess(jdbc, sessionId, now - 90_000);
		assertThat(browser.get("/").heading()).isEqualTo("ホーム");
		assertThat(lastAccess(jdbc, sessionId)).isGreaterThanOrEqualTo(now);

		lastAccess(jdbc, sessionId, now - Duration.ofMinutes(30).plusSeconds(1).toMillis());
		assertThat(browser.get("/").path()).isEqualTo("/login");
	}

	/** Moves the session's stored last access (and so its expiry), as time passing would. */
	private static void lastAccess(org.springframework.jdbc.core.simple.JdbcClient jdbc, String sessionId, long millis) {
		jdbc.sql("""
				update spring_session set last_access_time = ?, expiry_time = ? + max_inactive_interval * 1000::bigint
				where session_id = ?""").params(millis, millis, sessionId).update();
	}

	private static long lastAccess(org.springframework.jdbc.core.simple.JdbcClient jdbc, String sessionId) {
		return jdbc.sql("select last_access_time from spring_session where session_id = ?")
			.param(sessionId)
			.query(Long.class)
			.single();
	}

	static String toFullWidth(String s) {
		StringBuilder b = new StringBuilder();
		for (char c : s.toCharArray()) {
			b.append(c >= '!' && c <= '~' ? (char) (c - '!' + '！') : c);
		}
		return b.toString();
	}
}
