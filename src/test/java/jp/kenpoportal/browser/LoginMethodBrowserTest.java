package jp.kenpoportal.browser;

import java.time.Duration;
import java.util.EnumSet;

import com.microsoft.playwright.Page;
import jp.kenpoportal.support.Journeys;
import jp.kenpoportal.support.MutableClock;
import jp.kenpoportal.support.PortalTest;
import jp.kenpoportal.support.TestBrowser;
import jp.kenpoportal.support.TestKenpos;
import jp.kenpoportal.support.TestMembers.TestMember;
import jp.kenpoportal.support.Totp;
import jp.kenpoportal.tenant.Kenpo;
import jp.kenpoportal.tenant.KenpoDirectory;
import jp.kenpoportal.tenant.SecondFactor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ログイン方法変更 in Chromium: switching from one second factor to another (the new one
 * enrolled first), registering the authenticator app again, and a factor the kenpo stopped
 * offering, which keeps working until the member switches.
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
	void aMemberSwitchesFromTheMailCodeToTheAppRegistersTheAppAgainAndThenSwitchesToAPasskey() {
		TestMember member = members.newMember("sakura");
		Journeys.onboard(new TestBrowser(port, member.host()), mailbox, member, PASSWORD);
		Page page = newTab();
		VirtualAuthenticator authenticator = VirtualAuthenticator.addTo(page);
		signInWithMailedCode(page, member, PASSWORD);

		follow(page, "ログイン方法変更");
		assertThat(mainText(page)).contains("現在の認証方法", "ワンタイムパスワード（OTP）メール認証");
		// the mail code was proved more than five minutes ago: asked for again, then back to the switch
		clock.advance(Duration.ofMinutes(6));
		int mails = mailbox.count(member.email());
		press(page, "ワンタイムパスワード（OTP）アプリ認証に変更する");
		assertThat(path(page)).isEqualTo("/mfa/email");
		assertThat(mainText(page)).contains("もう一度認証してください");
		page.locator("#code").fill(mailbox.awaitMail(member.email(), mails + 1).code());
		press(page, "認証する");
		assertThat(path(page)).isEqualTo("/login-method/switch/TOTP");
		assertThat(heading(page)).isEqualTo("ワンタイムパスワード（OTP）アプリ認証に変更する");
		press(page, "変更を始める");
		assertThat(path(page)).isEqualTo("/login-method/switch/TOTP");
		String secret = revealManualKey(page);
		page.locator("#code").fill(appCode(secret));
		press(page, "認証する");
		assertThat(path(page)).isEqualTo("/login-method");
		assertThat(mainText(page)).contains("認証方法を変更しました。", "ワンタイムパスワード（OTP）アプリ認証");

		// a new phone: the app is registered again with a new key; the old app's code is refused
		press(page, "認証アプリを再登録する");
		assertThat(path(page)).isEqualTo("/login-method/totp/renew");
		assertThat(heading(page)).isEqualTo("認証アプリを再登録する");
		String renewed = revealManualKey(page);
		assertThat(renewed).isNotEqualTo(secret);
		page.locator("#code").fill(appCode(secret));
		press(page, "認証する");
		assertThat(errorText(page)).contains("認証コードが正しくありません。");
		page.locator("#code").fill(appCode(renewed));
		press(page, "認証する");
		assertThat(path(page)).isEqualTo("/login-method");
		assertThat(mainText(page)).contains("認証アプリを再登録しました。");

		press(page, "生体認証（パスキー）に変更する");
		assertThat(path(page)).isEqualTo("/login-method/switch/PASSKEY");
		assertThat(heading(page)).isEqualTo("生体認証（パスキー）に変更する");
		press(page, "パスキーを登録する");
		assertThat(path(page)).isEqualTo("/login-method");
		assertThat(mainText(page)).contains("認証方法を変更しました。", "登録済みのパスキー");
		assertThat(authenticator.credentials()).hasSize(1);

		logOut(page, member);
		press(page, "パスキーでログイン");
		assertHome(page, member);
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
		press(page, "ワンタイムパスワード（OTP）メール認証に変更する");
		assertThat(path(page)).isEqualTo("/login-method/switch/EMAIL_CODE");
		assertThat(mainText(page)).contains("6桁");
		page.locator("#code").fill(mailbox.awaitMail(member.email(), mails + 1).code());
		press(page, "認証する");
		assertThat(path(page)).isEqualTo("/login-method");
		assertThat(mainText(page)).contains("認証方法を変更しました。", "ワンタイムパスワード（OTP）メール認証")
			.doesNotContain("新たに登録できなくなりました");
	}

	/** Opens 「スキャンできませんか?」 and reads the key as the member would type it into the app. */
	private String revealManualKey(Page page) {
		page.getByText("スキャンできませんか?", new Page.GetByTextOptions().setExact(true)).click();
		assertAccessible(page);
		return page.locator("code.totp-key").innerText().strip().replace(" ", "");
	}

	/** What the app shows now by the portal's clock (the next code if this one is about to change). */
	private String appCode(String secret) {
		return Totp.fresh(secret, clock);
	}
}
