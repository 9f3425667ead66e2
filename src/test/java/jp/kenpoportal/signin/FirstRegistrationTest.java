package jp.kenpoportal.signin;

import java.util.Map;

import jp.kenpoportal.account.Account;
import jp.kenpoportal.account.Accounts;
import jp.kenpoportal.audit.AuditTrail;
import jp.kenpoportal.audit.AuditType;
import jp.kenpoportal.support.Journeys;
import jp.kenpoportal.support.Mailbox;
import jp.kenpoportal.support.PortalTest;
import jp.kenpoportal.support.TestBrowser;
import jp.kenpoportal.support.TestBrowser.Page;
import jp.kenpoportal.support.TestMembers;
import jp.kenpoportal.support.TestMembers.TestMember;
import jp.kenpoportal.tenant.SecondFactor;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@PortalTest
class FirstRegistrationTest {

	@LocalServerPort
	int port;

	@Autowired
	TestMembers members;

	@Autowired
	Mailbox mailbox;

	@Autowired
	Accounts accounts;

	@Autowired
	AuditTrail audit;

	@Test
	void whenMemberCompletesEveryStepThenHomeShowsTheirNameAndTheAccountIsOnboarded() {
		TestMember member = members.newMember("sakura");
		TestBrowser browser = new TestBrowser(port, member.host());

		Journeys.onboard(browser, mailbox, member, "Sakura-2026!x");

		Page home = browser.page();
		assertThat(home.text()).contains(member.member().name() + " 様", "さくら電機健康保険組合", "お知らせ");
		Account account = accounts.find(member.kenpo().id(), member.accountId()).orElseThrow();
		assertThat(account.onboarded()).isTrue();
		assertThat(account.secondFactor()).isEqualTo(SecondFactor.EMAIL_CODE);
		assertThat(account.hasInitialPassword()).isFalse();
		assertThat(audit.recent(member.kenpo().id(), member.accountId(), 50)).extracting(e -> e.type())
			.contains(AuditType.SIGN_IN_PASSWORD_ACCEPTED, AuditType.ONBOARDING_STEP_COMPLETED,
					AuditType.ONBOARDING_COMPLETED);
	}

	@Test
	void whenBirthDateIsWrongThenStaysOnStepWithMessageAndCountsAFailure() {
		TestMember member = members.newMember("sakura");
		TestBrowser browser = new TestBrowser(port, member.host());
		Journeys.signIn(browser, member.loginId(), member.initialPassword());

		Page page = browser.submit("/onboarding/birth-date", Map.of("birthDate", "19000101"));

		assertThat(page.path()).isEqualTo("/onboarding/birth-date");
		assertThat(page.error()).contains("生年月日が正しくありません。");
		assertThat(page.value("birthDate")).isEqualTo("19000101");
		assertThat(accounts.find(member.kenpo().id(), member.accountId()).orElseThrow().failedAttempts()).isEqualTo(1);
	}

	@Test
	void whenBirthDateIsTypedInFullWidthWithSlashesThenItIsAccepted() {
		TestMember member = members.newMember("sakura");
		TestBrowser browser = new TestBrowser(port, member.host());
		Journeys.signIn(browser, member.loginId(), member.initialPassword());
		String d = member.birthDateDigits();
		String fullWidth = (d.substring(0, 4) + "／" + d.substring(4, 6) + "／" + d.substring(6))
			.chars().mapToObj(c -> Character.isDigit(c) ? String.valueOf((char) (c - '0' + '０')) : String.valueOf((char) c))
			.reduce("", String::concat);

		Page page = browser.submit("/onboarding/birth-date", Map.of("birthDate", fullWidth));

		assertThat(page.path()).isEqualTo("/onboarding/terms");
	}
}
