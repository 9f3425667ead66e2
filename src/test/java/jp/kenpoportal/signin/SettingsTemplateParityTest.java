package jp.kenpoportal.signin;

import java.util.Map;
import java.util.function.Supplier;

import jp.kenpoportal.support.JteParityCheck;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The member's settings pages (profile/*, loginmethod/*) in the states no other test shows them, for the
 * suite-wide comparison of each jte page with its Thymeleaf twin ({@link JteParityCheck}, issue 14): every
 * success message at once, a refused address with 全てのデバイスからサインアウトする ticked, a pending change and
 * a wrong code, and the mail-code enrolment of a switch with a wrong code and a resend.
 */
@PortalTest
class SettingsTemplateParityTest {

	private static final String PASSWORD = "Parity-Settings-2026";

	@LocalServerPort
	int port;

	@Autowired
	TestMembers members;

	@Autowired
	Mailbox mailbox;

	@Test
	void theProfileInItsMessagesErrorsAndPendingChangeIsTheSameInBothEngines() {
		TestMember member = members.newMember("sakura");
		TestBrowser browser = new TestBrowser(port, member.host());
		Journeys.onboard(browser, mailbox, member, PASSWORD);

		assertCompared(() -> browser.get(
				"/profile?emailChanged&passwordChanged&sessionEnded&publicationMailSaved"));
		assertCompared(() -> browser.submit("/profile/email",
				Map.of("newEmail", "not an address \"<x>\"", "signOutOthers", "true")));
		assertCompared(() -> browser.submit("/profile/email",
				Map.of("newEmail", "parity." + System.nanoTime() + "@example.com", "signOutOthers", "true")));
		assertCompared(() -> browser.get("/profile"));
		assertCompared(() -> browser.submit("/profile/email/code", Map.of("code", "000000")));
	}

	@Test
	void theLoginMethodPagesWithMessagesAndAMailCodeEnrolmentAreTheSameInBothEngines() {
		TestMember member = members.newMember("sakura");
		TestBrowser browser = new TestBrowser(port, member.host());
		Journeys.onboardWithTotp(browser, mailbox, member, PASSWORD);

		assertCompared(() -> browser.get("/login-method?changed&totpRenewed&passkeyAdded&removed&renamed"));
		assertCompared(() -> browser.get("/login-method/switch/EMAIL_CODE"));
		assertCompared(() -> browser.submit("/login-method/switch/EMAIL_CODE/start", Map.of()));
		assertCompared(() -> browser.submit("/login-method/switch/EMAIL_CODE", Map.of("code", "000000")));
		assertCompared(() -> browser.submit("/login-method/switch/EMAIL_CODE/resend", Map.of()));
	}

	/** The check answers 500 on a difference and keeps both pages in target/template-parity. */
	private static void assertCompared(Supplier<Page> request) {
		int checked = JteParityCheck.CHECKED.get();
		Page page = request.get();
		assertThat(page.status()).as("%s (500: jte and Thymeleaf differ)", page.path()).isEqualTo(200);
		assertThat(JteParityCheck.CHECKED.get()).as("the check compared %s", page.path()).isGreaterThan(checked);
	}
}
