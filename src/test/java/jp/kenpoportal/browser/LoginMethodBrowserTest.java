package jp.kenpoportal.browser;

import java.util.EnumSet;

import com.microsoft.playwright.Page;
import jp.kenpoportal.support.MutableClock;
import jp.kenpoportal.support.PortalTest;
import jp.kenpoportal.support.TestKenpos;
import jp.kenpoportal.support.TestMembers.TestMember;
import jp.kenpoportal.tenant.Kenpo;
import jp.kenpoportal.tenant.KenpoDirectory;
import jp.kenpoportal.tenant.SecondFactor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ログイン方法変更 in Chromium: a factor the kenpo stopped offering keeps working until the
 * member switches.
 */
@PortalTest
class LoginMethodBrowserTest extends BrowserTestSupport {

	private static final String PASSWORD = "Kenpo-Portal-2026";

	@Autowired
	private MutableClock clock;

	@Autowired
	private KenpoDirectory kenpos;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void aPasskeyMemberStillSignsInWithItAfterTheKenpoStopsOfferingPasskeysAndSwitchesToTheMailCode() {
		Kenpo kenpo = TestKenpos.allFactors(kenpos);
		TestMember member = members.newMember(kenpo.code());
		Page page = newTab();
		VirtualAuthenticator.addTo(page);
		registerUntilFactorChoice(page, member);
		chooseFactorAndSetPassword(page, member, "PASSKEY", PASSWORD);
		press(page, "パスキーを登録する");
		assertHome(page, member);
		logOut(page, member);

		kenpos.allowFactors(kenpo.id(), EnumSet.of(SecondFactor.EMAIL_CODE, SecondFactor.TOTP));
		signIn(page, member, member.loginId(), PASSWORD);
		assertThat(path(page)).isEqualTo("/mfa/passkey");
		press(page, "パスキーで認証する");
		assertHome(page, member);

		follow(page, "ログイン方法変更");
		assertThat(mainText(page)).contains("生体認証（パスキー）", "新たに登録できなくなりました")
			.doesNotContain("パスキーを追加する");
		int mails = mailbox.count(member.email());
		follow(page, "ワンタイムパスワード（OTP）メール認証に変更する");
		assertThat(path(page)).isEqualTo("/login-method/switch/EMAIL_CODE");
		assertThat(mainText(page)).contains("6桁");
		page.locator("#code").fill(mailbox.awaitMail(member.email(), mails + 1).code());
		press(page, "認証する");
		assertThat(path(page)).isEqualTo("/login-method");
		assertThat(mainText(page)).contains("認証方法を変更しました。", "ワンタイムパスワード（OTP）メール認証")
			.doesNotContain("新たに登録できなくなりました");
	}
}
