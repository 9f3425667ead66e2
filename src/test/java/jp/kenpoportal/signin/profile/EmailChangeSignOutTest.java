package jp.kenpoportal.signin.profile;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jp.kenpoportal.audit.AuditEntry;
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

/**
 * 全てのデバイスからサインアウトする on the change of mail address (seeds 001, 002), as on the
 * password page: the other browsers are signed out when the new address is confirmed, by the
 * code here or by the link on another device, and the browser that asked stays signed in.
 */
@PortalTest
class EmailChangeSignOutTest {

	private static final String PASSWORD = "Mail-Change-Out-7";

	@LocalServerPort
	int port;

	@Autowired
	TestMembers members;

	@Autowired
	Mailbox mailbox;

	@Autowired
	AuditTrail audit;

	@Autowired
	MutableClock clock;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void whenTheMemberTicksItThenOtherBrowsersAreSignedOutOnceTheNewAddressIsConfirmedByCode() {
		TestMember member = members.newMember("sakura");
		TestBrowser browser = onboarded(member);
		TestBrowser other = signedInElsewhere(member);
		String newAddress = "out." + member.email();

		Page profile = browser.get("/profile");
		assertThat(profile.doc().select("form[action=/profile/email] input[name=signOutOthers]")).hasSize(1);
		assertThat(profile.doc().select("form[action=/profile/email] label[for=signOutOthers]").text())
			.startsWith("全てのデバイスからサインアウトする");
		Page pending = browser.submit("/profile/email", Map.of("newEmail", newAddress, "signOutOthers", "true"));
		assertThat(pending.info()).contains("この端末以外のすべての端末でログアウトします");
		assertThat(other.get("/").heading()).as("signed in until the address is confirmed").isEqualTo("ホーム");

		Page done = browser.submit("/profile/email/code", Map.of("code", mailbox.awaitMail(newAddress, 1).code()));

		assertThat(done.info()).contains("メールアドレスを変更しました");
		assertThat(other.get("/").path()).isEqualTo("/login");
		assertThat(browser.get("/").heading()).isEqualTo("ホーム");
		assertThat(audit.recent(member.kenpo().id(), member.accountId(), 5)).extracting(AuditEntry::type)
			.contains(AuditType.OTHER_SESSIONS_SIGNED_OUT);
	}

	@Test
	void whenTheNewAddressIsConfirmedByTheLinkOnAnotherDeviceThenTheBrowserThatAskedStaysSignedIn() {
		TestMember member = members.newMember("tsubaki");
		TestBrowser browser = onboarded(member);
		TestBrowser other = signedInElsewhere(member);
		String newAddress = "phone." + member.email();
		browser.get("/profile");
		browser.submit("/profile/email", Map.of("newEmail", newAddress, "signOutOthers", "true"));
		// a factor proved again changes the session ID; the choice must still keep this browser
		clock.advance(Duration.ofMinutes(6));
		String sessionBefore = browser.cookie("KENPO_SESSION");
		int mails = mailbox.count(member.email());
		assertThat(browser.get("/profile/verify").path()).startsWith("/mfa/email");
		browser.submit("/mfa/email", Map.of("code", mailbox.awaitMail(member.email(), mails + 1).code()));
		assertThat(browser.cookie("KENPO_SESSION")).isNotEqualTo(sessionBefore);
		URI link = URI.create(mailbox.awaitMail(newAddress, 1).verificationLink());

		TestBrowser phone = new TestBrowser(port, member.host());
		phone.get(link.getRawPath() + "?" + link.getRawQuery());
		Page confirmed = phone.submit("/email/verify", Map.of());

		assertThat(confirmed.status()).isEqualTo(200);
		assertThat(other.get("/").path()).isEqualTo("/login");
		Page home = browser.get("/profile");
		assertThat(home.path()).isEqualTo("/profile");
		assertThat(home.text()).contains(newAddress);
	}

	@Test
	void whenTheMemberLeavesItUntickedThenOtherBrowsersStaySignedIn() {
		TestMember member = members.newMember("sakura");
		TestBrowser browser = onboarded(member);
		TestBrowser other = signedInElsewhere(member);
		String newAddress = "stay." + member.email();
		browser.get("/profile");
		Page pending = browser.submit("/profile/email", Map.of("newEmail", newAddress));
		assertThat(pending.info()).doesNotContain("ログアウトします");

		browser.submit("/profile/email/code", Map.of("code", mailbox.awaitMail(newAddress, 1).code()));

		assertThat(other.get("/").heading()).isEqualTo("ホーム");
		List<AuditType> types = audit.recent(member.kenpo().id(), member.accountId(), 5)
			.stream()
			.map(AuditEntry::type)
			.toList();
		assertThat(types).contains(AuditType.EMAIL_CHANGED).doesNotContain(AuditType.OTHER_SESSIONS_SIGNED_OUT);
	}

	private TestBrowser onboarded(TestMember member) {
		TestBrowser browser = new TestBrowser(port, member.host());
		Journeys.onboard(browser, mailbox, member, PASSWORD);
		return browser;
	}

	private TestBrowser signedInElsewhere(TestMember member) {
		TestBrowser other = new TestBrowser(port, member.host());
		assertThat(Journeys.signInWithCode(other, mailbox, member, PASSWORD).heading()).isEqualTo("ホーム");
		return other;
	}
}
