package jp.kenpoportal.support;

import java.util.Map;

import jp.kenpoportal.support.TestBrowser.Page;
import jp.kenpoportal.tenant.SecondFactor;
import jp.kenpoportal.support.TestMembers.TestMember;

import static org.assertj.core.api.Assertions.assertThat;

/** Whole member journeys over HTTP, for tests that need a member at a certain point. */
public final class Journeys {

	private Journeys() {
	}

	public static Page signIn(TestBrowser browser, String userId, String password) {
		browser.get("/login");
		return browser.submit("/login", Map.of("userId", userId, "password", password));
	}

	/** From the sign-in page through every onboarding step to home; returns the new password. */
	public static String onboard(TestBrowser browser, Mailbox mailbox, TestMember member, String newPassword) {
		Page page = signIn(browser, member.loginId(), member.initialPassword());
		assertThat(page.path()).isEqualTo("/onboarding/birth-date");
		page = browser.submit("/onboarding/birth-date", Map.of("birthDate", member.birthDateDigits()));
		assertThat(page.path()).isEqualTo("/onboarding/terms");
		page = browser.submit("/onboarding/terms", Map.of("decision", "agree"));
		assertThat(page.path()).isEqualTo("/onboarding/email");
		int mailsBefore = mailbox.count(member.email());
		page = browser.submit("/onboarding/email", Map.of("email", member.email()));
		String code = mailbox.awaitMail(member.email(), mailsBefore + 1).code();
		page = browser.submit("/onboarding/email/code", Map.of("code", code));
		assertThat(page.path()).isEqualTo("/onboarding/user-id");
		page = browser.submit("/onboarding/user-id", Map.of("userId", member.loginId(), "factor", "EMAIL_CODE"));
		assertThat(page.path()).isEqualTo("/onboarding/password");
		page = browser.submit("/onboarding/password", Map.of("password", newPassword, "passwordConfirm", newPassword));
		assertThat(page.path()).isEqualTo("/onboarding/factor");
		String enrolCode = mailbox.awaitMail(member.email(), mailsBefore + 2).code();
		page = browser.submit("/onboarding/factor", Map.of("code", enrolCode));
		assertThat(page.path()).startsWith("/");
		assertThat(page.heading()).isEqualTo("ホーム");
		return newPassword;
	}

	/**
	 * First registration choosing the authenticator app; returns the app's secret (Base32),
	 * read from the manual key on the page as a member would type it into the app.
	 */
	public static String onboardWithTotp(TestBrowser browser, Mailbox mailbox, TestMember member, String newPassword) {
		signIn(browser, member.loginId(), member.initialPassword());
		browser.submit("/onboarding/birth-date", Map.of("birthDate", member.birthDateDigits()));
		browser.submit("/onboarding/terms", Map.of("decision", "agree"));
		int mailsBefore = mailbox.count(member.email());
		browser.submit("/onboarding/email", Map.of("email", member.email()));
		browser.submit("/onboarding/email/code", Map.of("code", mailbox.awaitMail(member.email(), mailsBefore + 1).code()));
		browser.submit("/onboarding/user-id", Map.of("userId", member.loginId(), "factor", "TOTP"));
		Page page = browser.submit("/onboarding/password", Map.of("password", newPassword, "passwordConfirm", newPassword));
		assertThat(page.path()).isEqualTo("/onboarding/factor");
		String secret = page.doc().selectFirst(".totp-key").text().replace(" ", "");
		page = browser.submit("/onboarding/factor/totp", Map.of("code", Totp.now(secret)));
		assertThat(page.heading()).isEqualTo("ホーム");
		return secret;
	}

	/** A later sign-in: password, then the mailed code. */
	public static Page signInWithCode(TestBrowser browser, Mailbox mailbox, TestMember member, String password) {
		int before = mailbox.count(member.email());
		Page page = signIn(browser, member.loginId(), password);
		assertThat(page.path()).startsWith("/mfa/email");
		String code = mailbox.awaitMail(member.email(), before + 1).code();
		return browser.submit("/mfa/email", Map.of("code", code));
	}

	/** ログイン方法変更 → 「…に変更する」: starts a switch to another factor by its button; the page it leads to. */
	public static Page startSwitch(TestBrowser browser, SecondFactor factor) {
		browser.get("/login-method");
		return browser.submit("/login-method/switch/" + factor.name() + "/start", Map.of());
	}
}
