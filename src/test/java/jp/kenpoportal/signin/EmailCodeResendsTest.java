package jp.kenpoportal.signin;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import jp.kenpoportal.common.SecuritySettings;
import jp.kenpoportal.signin.RateLimits.Limit;
import jp.kenpoportal.support.Journeys;
import jp.kenpoportal.support.Mailbox;
import jp.kenpoportal.support.MutableClock;
import jp.kenpoportal.support.PortalTest;
import jp.kenpoportal.support.TestBrowser;
import jp.kenpoportal.support.TestBrowser.Page;
import jp.kenpoportal.support.TestMembers;
import jp.kenpoportal.support.TestMembers.TestMember;
import jp.kenpoportal.tenant.SecondFactor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page that sends a code or confirmation mail again keeps the same limits: the wait
 * since the last mail, the account's quota, and the client address's quota (which spans
 * accounts, so one source cannot mail-bomb many members).
 */
@PortalTest
class EmailCodeResendsTest {

	private static final String PASSWORD = "Resend-Limits-77";

	private static final String TOO_MANY = "メールの再送信が続いたため";

	private static final AtomicInteger ADDRESSES = new AtomicInteger();

	@LocalServerPort
	int port;

	@Autowired
	TestMembers members;

	@Autowired
	Mailbox mailbox;

	@Autowired
	RateLimits limits;

	@Autowired
	SecuritySettings settings;

	@Autowired
	MutableClock clock;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void whenTheSignInCodeIsSentAgainThenTheWaitAndBothQuotasApply() {
		TestMember member = members.newMember("sakura");
		Journeys.onboard(new TestBrowser(port, member.host()), mailbox, member, PASSWORD);
		TestBrowser browser = newBrowser(member);
		Journeys.signIn(browser, member.loginId(), PASSWORD);

		assertResendLimits(browser, member, member.email(), b -> b.submit("/mfa/email/resend", Map.of()), true);
	}

	@Test
	void whenTheConfirmationMailOfTheMailStepIsSentAgainThenTheWaitAndBothQuotasApply() {
		TestMember member = members.newMember("sakura");
		TestBrowser browser = newBrowser(member);
		untilMailStep(browser, member);
		int mails = mailbox.count(member.email());
		browser.submit("/onboarding/email", Map.of("email", member.email()));
		mailbox.awaitMail(member.email(), mails + 1);

		assertResendLimits(browser, member, member.email(), b -> b.submit("/onboarding/email/resend", Map.of()), true);
	}

	@Test
	void whenAnotherAddressIsTypedOnTheMailStepThenBothQuotasApply() {
		TestMember member = members.newMember("sakura");
		TestBrowser browser = newBrowser(member);
		untilMailStep(browser, member);
		browser.submit("/onboarding/email", Map.of("email", member.email()));
		String other = "other-" + member.email();

		assertResendLimits(browser, member, other, b -> {
			b.get("/onboarding/email?change");
			return b.submit("/onboarding/email", Map.of("email", other));
		}, false);
	}

	@Test
	void whenTheEnrolmentCodeIsSentAgainThenTheWaitAndBothQuotasApply() {
		TestMember member = members.newMember("sakura");
		TestBrowser browser = newBrowser(member);
		untilMailStep(browser, member);
		int mails = mailbox.count(member.email());
		browser.submit("/onboarding/email", Map.of("email", member.email()));
		browser.submit("/onboarding/email/code", Map.of("code", mailbox.awaitMail(member.email(), mails + 1).code()));
		browser.submit("/onboarding/user-id", Map.of("userId", member.loginId(), "factor", "EMAIL_CODE"));
		Page factor = browser.submit("/onboarding/password", Map.of("password", PASSWORD, "passwordConfirm", PASSWORD));
		assertThat(factor.path()).isEqualTo("/onboarding/factor");

		assertResendLimits(browser, member, member.email(), b -> b.submit("/onboarding/factor/resend", Map.of()), true);
	}

	@Test
	void whenTheCodeOfASwitchToTheMailCodeIsSentAgainThenTheWaitAndBothQuotasApply() {
		TestMember member = members.newMember("sakura");
		TestBrowser browser = newBrowser(member);
		Journeys.onboardWithTotp(browser, mailbox, member, PASSWORD);
		int mails = mailbox.count(member.email());
		Journeys.startSwitch(browser, SecondFactor.EMAIL_CODE);
		mailbox.awaitMail(member.email(), mails + 1);

		assertResendLimits(browser, member, member.email(),
				b -> b.submit("/login-method/switch/EMAIL_CODE/resend", Map.of()), true);
	}

	@Test
	void whenAnotherNewAddressIsTypedInTheProfileThenBothQuotasApply() {
		TestMember member = members.newMember("sakura");
		TestBrowser browser = newBrowser(member);
		Journeys.onboard(browser, mailbox, member, PASSWORD);
		browser.get("/profile");
		String first = "first-" + member.email();
		browser.submit("/profile/email", Map.of("newEmail", first));
		mailbox.awaitMail(first, 1);
		String other = "other-" + member.email();

		assertResendLimits(browser, member, other, b -> {
			b.get("/profile");
			return b.submit("/profile/email", Map.of("newEmail", other));
		}, false);
	}

	/**
	 * Once the wait since the last mail has passed, sends (allowed); for a 再送信 button, at once
	 * again (too soon); then, the wait passed again, with the client address's quota used up by
	 * others behind it, and from another address with the account's quota used up: each refused
	 * on the same page, and no mail goes.
	 */
	private void assertResendLimits(TestBrowser browser, TestMember member, String to,
			Function<TestBrowser, Page> send, boolean waitApplies) {
		clock.advance(settings.emailCodeResendInterval().plusSeconds(1));
		int mails = mailbox.count(to);
		Page sent = send.apply(browser);
		assertThat(sent.error()).isEmpty();
		mailbox.awaitMail(to, mails + 1);
		if (waitApplies) {
			Page tooSoon = send.apply(browser);
			assertThat(tooSoon.error()).contains("再送信は").contains("秒後にできます");
			assertThat(mailbox.count(to)).isEqualTo(mails + 1);
		}
		clock.advance(settings.emailCodeResendInterval().plusSeconds(1));

		useUp(Limit.RESENDS_PER_ADDRESS, browser.clientAddress());
		Page addressRefused = send.apply(browser);
		assertThat(addressRefused.text()).contains(TOO_MANY);
		assertThat(mailbox.count(to)).isEqualTo(mails + 1);

		TestBrowser elsewhere = browser.from(nextAddress());
		useUp(Limit.RESENDS_PER_ACCOUNT, Long.toString(member.accountId()));
		Page accountRefused = send.apply(elsewhere);
		assertThat(accountRefused.text()).contains(TOO_MANY);
		assertThat(mailbox.count(to)).isEqualTo(mails + 1);
	}

	/** Takes what is left of the quota, as earlier resends would have. */
	private void useUp(Limit limit, String key) {
		while (limits.tryAcquire(limit, key)) {
			// taken
		}
	}

	private TestBrowser newBrowser(TestMember member) {
		return new TestBrowser(port, member.host(), nextAddress());
	}

	/** A client address no other test uses (TEST-NET-2), so quotas used up here hurt no one else. */
	private static String nextAddress() {
		int n = ADDRESSES.incrementAndGet();
		return "198.51.%d.%d".formatted(100 + n / 250, 1 + n % 250);
	}

	private void untilMailStep(TestBrowser browser, TestMember member) {
		Journeys.signIn(browser, member.loginId(), member.initialPassword());
		browser.submit("/onboarding/birth-date", Map.of("birthDate", member.birthDateDigits()));
		Page mailStep = browser.submit("/onboarding/terms", Map.of("decision", "agree"));
		assertThat(mailStep.path()).isEqualTo("/onboarding/email");
	}
}
