package jp.kenpoportal.signin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.kenpoportal.support.Journeys;
import jp.kenpoportal.support.Mailbox;
import jp.kenpoportal.support.PortalTest;
import jp.kenpoportal.support.TestBrowser;
import jp.kenpoportal.support.TestBrowser.Page;
import jp.kenpoportal.support.TestMembers;
import jp.kenpoportal.support.TestMembers.TestMember;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Control characters typed (or posted) into any form: PostgreSQL refuses a NUL in text, so
 * without care they end in an error page and the attempt is not counted. Every form must answer
 * with its normal message instead.
 */
@PortalTest
class ControlCharacterInputTest {

	private static final String NUL = "\u0000";

	private static final String INVALID = "無効なユーザIDまたはパスワードです。";

	@LocalServerPort
	int port;

	@Autowired
	TestMembers members;

	@Autowired
	Mailbox mailbox;

	@Autowired
	JdbcClient jdbc;

	@Test
	void whenTheUserIdHoldsANulThenTheSignInIsRefusedWithTheNormalMessageAndCounted() {
		TestMember member = members.newMember("sakura");
		TestBrowser browser = new TestBrowser(port, member.host());
		long failuresBefore = failedSignIns(member);

		Page page = Journeys.signIn(browser, "a" + NUL + "b", "whatever1");

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.path()).isEqualTo("/login");
		assertThat(page.error()).contains(INVALID);
		assertThat(page.value("userId")).isEqualTo("ab");
		assertThat(failedSignIns(member)).isEqualTo(failuresBefore + 1);
	}

	@Test
	void whenTheForgotPasswordFormHoldsANulThenTheAnswerIsTheNormalOne() {
		TestMember member = members.newMember("sakura");
		TestBrowser browser = new TestBrowser(port, member.host());
		browser.get("/forgot-password");

		Page page = browser.submit("/forgot-password", Map.of("userId", "a" + NUL + "b", "email", "a@example.com"));

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.heading()).isEqualTo("お手続きを受け付けました");
	}

	@Test
	void everyFormAnswersControlCharactersWithItsNormalPage() {
		TestMember member = members.newMember("sakura");
		TestBrowser browser = new TestBrowser(port, member.host());

		// before sign-in (inside the value: PostgreSQL's driver may cut a trailing NUL off)
		for (String control : List.of(NUL, "\u0007", "\u001B", "\u007F", "\u0085")) {
			noError(browser, "/login", "/login", Map.of("userId", "x" + control + "y", "password", "p" + control + "q"));
			noError(browser, "/forgot-user-id", "/forgot-user-id",
					Map.of("email", "a" + control + "b@example.com", "birthDate", "1979" + control + "0822"));
			noError(browser, "/forgot-password", "/forgot-password",
					Map.of("userId", "x" + control + member.loginId(), "email", "a" + control + member.email()));
			noError(browser, "/login", "/email/verify", Map.of("token", "t" + control + "u"));
			noError(browser, "/login", "/reset-password", Map.of("token", "t" + control + "u", "birthDate",
					"1" + control + "2", "password", "p" + control + "q", "passwordConfirm", "p" + control + "q"));
		}

		// the first registration, each step given control characters before its real answer
		Journeys.signIn(browser, member.loginId(), member.initialPassword());
		noError(browser, "/onboarding/birth-date", "/onboarding/birth-date", Map.of("birthDate", "1979" + NUL + "0101"));
		browser.submit("/onboarding/birth-date", Map.of("birthDate", member.birthDateDigits()));
		noError(browser, "/onboarding/terms", "/onboarding/terms", Map.of("decision", "a" + NUL + "gree"));
		browser.submit("/onboarding/terms", Map.of("decision", "agree"));
		noError(browser, "/onboarding/email", "/onboarding/email", Map.of("email", "a" + NUL + "@example.com"));
		int mails = mailbox.count(member.email());
		browser.submit("/onboarding/email", Map.of("email", member.email()));
		noError(browser, "/onboarding/email", "/onboarding/email/code", Map.of("code", "12" + NUL + "34"));
		browser.submit("/onboarding/email/code", Map.of("code", mailbox.awaitMail(member.email(), mails + 1).code()));
		noError(browser, "/onboarding/user-id", "/onboarding/user-id",
				Map.of("userId", "abc" + NUL + "defgh", "factor", "EMAIL" + NUL));
		browser.submit("/onboarding/user-id", Map.of("userId", member.loginId(), "factor", "EMAIL_CODE"));
		noError(browser, "/onboarding/password", "/onboarding/password",
				Map.of("password", "Control" + NUL + "Pass-2026", "passwordConfirm", "Control" + NUL + "Pass-2026"));
		browser.submit("/onboarding/password", Map.of("password", "Control-Pass-2026", "passwordConfirm",
				"Control-Pass-2026"));
		noError(browser, "/onboarding/factor", "/onboarding/factor", Map.of("code", "123" + NUL + "456"));
		Page home = browser.submit("/onboarding/factor", Map.of("code", mailbox.awaitMail(member.email(), mails + 2).code()));
		assertThat(home.heading()).isEqualTo("ホーム");

		// signed in: profile and login method
		noError(browser, "/profile", "/profile/email", Map.of("newEmail", "b" + NUL + "@example.com"));
		noError(browser, "/profile", "/profile/email/code", Map.of("code", "1" + NUL + "2"));
		noError(browser, "/profile", "/profile/sessions/end", Map.of("session", "a" + NUL + "b"));
		noError(browser, "/profile/password", "/profile/password", Map.of("currentPassword", "Control" + NUL + "x",
				"password", "New" + NUL + "Pass-2026", "passwordConfirm", "New" + NUL + "Pass-2026"));
		noError(browser, "/login-method", "/login-method/passkeys/rename", Map.of("id", "a" + NUL + "b", "label", "P" + NUL + "C"));
		noError(browser, "/login-method", "/login-method/passkeys/remove", Map.of("id", "a" + NUL + "b"));
		noError(browser, "/login-method", "/login-method/totp/renew", Map.of("code", "1" + NUL + "2"));
		noError(browser, "/login-method", "/login-method/switch/TOTP", Map.of("code", "1" + NUL + "2"));

		// a later sign-in's second factor
		TestBrowser later = new TestBrowser(port, member.host());
		Journeys.signIn(later, member.loginId(), "Control-Pass-2026");
		noError(later, "/mfa/email", "/mfa/email", Map.of("code", "12" + NUL + "3456"));
		noError(later, "/mfa/email", "/mfa/totp", Map.of("code", "12" + NUL + "3456"));
	}

	/** Opens {@code page}, posts {@code fields} to {@code action} with the page's CSRF token, expects no error page. */
	private static void noError(TestBrowser browser, String page, String action, Map<String, String> fields) {
		Page opened = browser.get(page);
		Map<String, String> form = new LinkedHashMap<>(fields);
		String token = opened.doc().select("meta[name=_csrf]").attr("content");
		form.put("_csrf", token.isEmpty() ? opened.doc().select("input[name=_csrf]").attr("value") : token);
		Page answered = browser.post(action, form);
		assertThat(answered.status()).as("%s %s", action, fields).isLessThan(500).isNotEqualTo(403);
		assertThat(answered.heading()).as("%s %s", action, fields).doesNotContain("エラー");
	}

	private long failedSignIns(TestMember member) {
		return jdbc.sql("select count(*) from audit_event where kenpo_id = ? and type = 'SIGN_IN_FAILED'")
			.param(member.kenpo().id())
			.query(Long.class)
			.single();
	}
}
