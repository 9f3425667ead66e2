package jp.kenpoportal.signin;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jp.kenpoportal.support.JteParityCheck;
import jp.kenpoportal.support.Journeys;
import jp.kenpoportal.support.Mailbox;
import jp.kenpoportal.support.PortalTest;
import jp.kenpoportal.support.TestBrowser;
import jp.kenpoportal.support.TestBrowser.Page;
import jp.kenpoportal.support.TestMembers;
import jp.kenpoportal.support.TestMembers.TestMember;
import jp.kenpoportal.tenant.Kenpo;
import jp.kenpoportal.tenant.KenpoDirectory;
import jp.kenpoportal.tenant.NewKenpo;
import jp.kenpoportal.tenant.PasswordRules;
import jp.kenpoportal.tenant.SecondFactor;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sign-in pages moved to jte (issue 14) in the states no other test puts them in: every page jte serves is
 * compared with its Thymeleaf template by the suite-wide {@link JteParityCheck}, which answers 500 on a
 * difference; here each state is asked for once and must come back as a page.
 */
@PortalTest
class TemplateParityTest {

	private static final String PASSWORD = "Parity-Signin-2026";

	@LocalServerPort
	int port;

	@Autowired
	TestMembers members;

	@Autowired
	Mailbox mailbox;

	@Autowired
	KenpoDirectory kenpos;

	@Test
	void theSignInPageWithEachNoticeAndThePasskeyButtonIsTheSameInBothEngines() {
		Kenpo kenpo = newKenpo("03-0000-0000");
		TestBrowser browser = new TestBrowser(port, kenpo.host());

		for (String query : List.of("", "?passwordReset", "?signedOut", "?codeFailures", "?declined", "?locked",
				"?accessEnded")) {
			assertCompared(() -> browser.get("/login" + query), "/login" + query);
		}
		assertCompared(() -> browser.submit("/login", Map.of("userId", "nobody<&>\"'", "password", "wrong")),
				"a wrong password");
	}

	@Test
	void theSignInPageOfAKenpoWithoutPhoneIsTheSameInBothEngines() {
		Kenpo kenpo = newKenpo(null);
		TestBrowser browser = new TestBrowser(port, kenpo.host());

		assertCompared(() -> browser.get("/login?accessEnded"), "/login?accessEnded");
	}

	@Test
	void theCodePageAskingAgainIsTheSameInBothEngines() {
		TestMember member = members.newMember("sakura");
		TestBrowser browser = new TestBrowser(port, member.host());
		Journeys.onboard(browser, mailbox, member, PASSWORD);
		browser.submit("/logout", Map.of());
		Journeys.signIn(browser, member.loginId(), PASSWORD);

		assertCompared(() -> browser.get("/mfa/email?reauth"), "/mfa/email?reauth");
		assertCompared(() -> browser.get("/logout"), "/logout");
	}

	@Test
	void theOnboardingPagesWithTheirErrorsAndThePasskeyStepAreTheSameInBothEngines() {
		Kenpo kenpo = newKenpo("03-0000-0000");
		TestMember member = members.newMember(kenpo.code());
		TestBrowser browser = new TestBrowser(port, member.host());
		Journeys.signIn(browser, member.loginId(), member.initialPassword());

		assertCompared(() -> browser.submit("/onboarding/birth-date", Map.of("birthDate", "<19&9>")), "a malformed birth date");
		browser.submit("/onboarding/birth-date", Map.of("birthDate", member.birthDateDigits()));
		browser.submit("/onboarding/terms", Map.of("decision", "agree"));
		assertCompared(() -> browser.submit("/onboarding/email", Map.of("email", "a\"b'<c>&d")), "a malformed address");
		int mailsBefore = mailbox.count(member.email());
		assertCompared(() -> browser.submit("/onboarding/email", Map.of("email", member.email())), "the mail sent");
		assertCompared(() -> browser.submit("/onboarding/email/code", Map.of("code", "12<&>\"")), "a wrong code");
		assertCompared(() -> browser.submit("/onboarding/email/resend", Map.of()), "a resend too soon");
		String code = mailbox.awaitMail(member.email(), mailsBefore + 1).code();
		browser.submit("/onboarding/email/code", Map.of("code", code));
		assertCompared(() -> browser.submit("/onboarding/user-id", Map.of("userId", "<x&y>", "factor", "")),
				"a bad user ID and no factor");
		browser.submit("/onboarding/user-id", Map.of("userId", member.loginId(), "factor", "PASSKEY"));
		assertCompared(() -> browser.submit("/onboarding/password",
				Map.of("password", PASSWORD, "passwordConfirm", PASSWORD, "signOutOthers", "true")), "the passkey step");
		assertCompared(() -> browser.submit("/onboarding/factor/passkey", Map.of()), "no passkey made");
	}

	@Test
	void theFactorStepsWithAWrongCodeAreTheSameInBothEngines() {
		TestBrowser browser = atTheFactorStep("EMAIL_CODE");

		assertCompared(() -> browser.submit("/onboarding/factor", Map.of("code", "000000")), "a wrong enrolment code");
		assertCompared(() -> browser.submit("/onboarding/factor/resend", Map.of()), "an enrolment resend too soon");
	}

	@Test
	void theAppStepWithAWrongCodeIsTheSameInBothEngines() {
		TestBrowser browser = atTheFactorStep("TOTP");

		assertCompared(() -> browser.submit("/onboarding/factor/totp", Map.of("code", "000000")), "a wrong app code");
	}

	/** A new member of sakura through the first registration up to the second factor, which is {@code factor}. */
	private TestBrowser atTheFactorStep(String factor) {
		TestMember member = members.newMember("sakura");
		TestBrowser browser = new TestBrowser(port, member.host());
		Journeys.signIn(browser, member.loginId(), member.initialPassword());
		browser.submit("/onboarding/birth-date", Map.of("birthDate", member.birthDateDigits()));
		browser.submit("/onboarding/terms", Map.of("decision", "agree"));
		int mailsBefore = mailbox.count(member.email());
		browser.submit("/onboarding/email", Map.of("email", member.email()));
		browser.submit("/onboarding/email/code", Map.of("code", mailbox.awaitMail(member.email(), mailsBefore + 1).code()));
		browser.submit("/onboarding/user-id", Map.of("userId", member.loginId(), "factor", factor));
		browser.submit("/onboarding/password", Map.of("password", PASSWORD, "passwordConfirm", PASSWORD));
		return browser;
	}

	@Test
	void theRecoveryPagesAreTheSameInBothEngines() {
		Kenpo kenpo = newKenpo(null);
		TestBrowser browser = new TestBrowser(port, kenpo.host());

		assertCompared(() -> browser.get("/forgot-password"), "/forgot-password");
		assertCompared(() -> browser.submit("/forgot-password", Map.of("userId", "", "email", "")), "no user ID");
		assertCompared(() -> browser.submit("/forgot-password", Map.of("userId", "<a&b>", "email", "x\"y")),
				"a malformed address");
		assertCompared(() -> browser.get("/forgot-user-id"), "/forgot-user-id");
		assertCompared(() -> browser.submit("/forgot-user-id", Map.of("email", "a@example.com", "birthDate", "<1&2>")),
				"a malformed birth date");
		assertCompared(() -> browser.get("/reset-password?token=none"), "a void reset link");
	}

	@Test
	void theErrorPageIsTheSameInBothEngines() {
		TestBrowser browser = new TestBrowser(port, newKenpo(null).host());

		int checked = JteParityCheck.CHECKED.get();
		assertThat(browser.get("/dev/no-such-page").status()).isEqualTo(404);
		assertThat(JteParityCheck.CHECKED.get()).as("the error page was compared").isGreaterThan(checked);
	}

	private static void assertCompared(java.util.function.Supplier<Page> request, String what) {
		int checked = JteParityCheck.CHECKED.get();
		Page page = request.get();
		assertThat(page.status()).as("%s: jte and Thymeleaf agree (else target/template-parity)", what).isEqualTo(200);
		assertThat(JteParityCheck.CHECKED.get()).as("%s was compared", what).isGreaterThan(checked);
	}

	private Kenpo newKenpo(String phone) {
		String code = "sip" + System.nanoTime();
		Kenpo kenpo = kenpos.create(new NewKenpo(code, code + ".localhost", "サインイン \"試験\" & <健保>", "06130454",
				"t@example.com", phone, 2, 4, Instant.now().plus(Duration.ofDays(30)),
				EnumSet.of(SecondFactor.EMAIL_CODE, SecondFactor.PASSKEY), SecondFactor.EMAIL_CODE,
				new PasswordRules(8, 64, "-_", Set.of()), List.of()));
		kenpos.publishTerms(kenpo.id(), "利用規約", "本文");
		return kenpo;
	}
}
