package jp.kenpoportal.signin;

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

import static org.assertj.core.api.Assertions.assertThat;

/** A breached password dressed up to fit a policy is refused by every demo kenpo, with the reason. */
@PortalTest
class BreachedPasswordTest {

	@LocalServerPort
	int port;

	@Autowired
	TestMembers members;

	@Autowired
	Mailbox mailbox;

	@Test
	void whenTheNewPasswordIsABreachedOneWithLeetAndASymbolThenEveryKenpoRefusesItAndSaysWhy() {
		for (String kenpo : List.of("sakura", "aoba", "kaede", "tsubaki")) {
			TestMember member = members.newMember(kenpo);
			TestBrowser browser = new TestBrowser(port, member.host());
			Journeys.signIn(browser, member.loginId(), member.initialPassword());
			browser.submit("/onboarding/birth-date", Map.of("birthDate", member.birthDateDigits()));
			browser.submit("/onboarding/terms", Map.of("decision", "agree"));
			int mails = mailbox.count(member.email());
			browser.submit("/onboarding/email", Map.of("email", member.email()));
			browser.submit("/onboarding/email/code", Map.of("code", mailbox.awaitMail(member.email(), mails + 1).code()));
			Page page = browser.submit("/onboarding/user-id", Map.of("userId", member.loginId(), "factor", "EMAIL_CODE"));
			assertThat(page.path()).as(kenpo).isEqualTo("/onboarding/password");

			Page refused = browser.submit("/onboarding/password", Map.of("password", "Passw0rd!", "passwordConfirm",
					"Passw0rd!"));

			assertThat(refused.path()).as(kenpo).isEqualTo("/onboarding/password");
			assertThat(refused.error()).as(kenpo)
				.contains("推測されやすいパスワードのため使用できません。", "過去に流出したパスワードの一覧");
		}
	}
}
