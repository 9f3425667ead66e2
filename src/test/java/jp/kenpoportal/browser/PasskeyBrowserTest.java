package jp.kenpoportal.browser;

import java.time.Duration;
import java.util.List;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import jp.kenpoportal.browser.VirtualAuthenticator.Credential;
import jp.kenpoportal.support.MutableClock;
import jp.kenpoportal.support.PortalTest;
import jp.kenpoportal.support.TestMembers.TestMember;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 生体認証（パスキー） in Chromium with a virtual platform authenticator: chosen and created
 * in the first registration, then used after the password and on its own.
 */
@PortalTest
class PasskeyBrowserTest extends BrowserTestSupport {

	private static final String NEW_PASSWORD = "Kenpo-Portal-2026";

	@Autowired
	private MutableClock clock;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void sakuraMemberCreatesAPasskeyInFirstRegistrationThenSignsInWithItAfterThePasswordAndOnItsOwn() {
		TestMember member = members.newMember("sakura");
		Page page = newTab();
		VirtualAuthenticator authenticator = VirtualAuthenticator.addTo(page);

		registerUntilFactorChoice(page, member);
		assertThat(offeredFactors(page)).containsExactly("EMAIL_CODE", "TOTP", "PASSKEY");
		chooseFactorAndSetPassword(page, member, "PASSKEY", NEW_PASSWORD);
		enrolPasskeyAndArriveHome(page, member);

		assertThat(authenticator.credentials()).singleElement().satisfies(passkey -> {
			assertThat(passkey.rpId()).isEqualTo("sakura.localhost");
			assertThat(passkey.discoverable()).isTrue();
		});

		// a later sign-in: user ID and password, then the passkey as the second factor
		logOut(page, member);
		signIn(page, member, member.loginId(), NEW_PASSWORD);
		assertThat(path(page)).isEqualTo("/mfa/passkey");
		assertThat(heading(page)).isEqualTo("生体認証（パスキー）");
		press(page, "パスキーで認証する");
		assertHome(page, member);

		// and the passkey alone, without user ID or password
		logOut(page, member);
		assertThat(page.locator("#passkey-signin").innerText()).isEqualTo("パスキーでログイン");
		press(page, "パスキーでログイン");
		assertHome(page, member);
		assertThat(page.locator("header").innerText()).contains(member.kenpo().name());

		// still the one passkey, used twice
		assertThat(authenticator.credentials()).singleElement()
			.extracting(Credential::signCount)
			.isNotEqualTo(0L);
	}

	@Test
	void aobaOffersOnlyMailCodeAndPasskeyAndItsPasskeyBelongsToItsOwnHost() {
		TestMember member = members.newMember("aoba");
		Page page = newTab();
		VirtualAuthenticator authenticator = VirtualAuthenticator.addTo(page);

		registerUntilFactorChoice(page, member);
		assertThat(offeredFactors(page)).containsExactly("EMAIL_CODE", "PASSKEY");
		assertThat(page.locator("fieldset").innerText()).contains("ワンタイムパスワード（OTP）メール認証", "生体認証（パスキー）")
			.doesNotContain("アプリ認証");

		chooseFactorAndSetPassword(page, member, "PASSKEY", NEW_PASSWORD);
		enrolPasskeyAndArriveHome(page, member);
		assertThat(authenticator.credentials()).singleElement()
			.extracting(Credential::rpId)
			.isEqualTo("aoba.localhost");

		logOut(page, member);
		press(page, "パスキーでログイン");
		assertHome(page, member);
	}

	@Test
	void onLoginMethodAMemberAddsThePasskeyOfANewDeviceRemovesTheOldOneButNeverTheLast() {
		TestMember member = members.newMember("sakura");
		Page page = newTab();
		VirtualAuthenticator pc = VirtualAuthenticator.addTo(page);
		registerUntilFactorChoice(page, member);
		chooseFactorAndSetPassword(page, member, "PASSKEY", NEW_PASSWORD);
		enrolPasskeyAndArriveHome(page, member);
		Credential pcPasskey = pc.credentials().get(0);

		// some minutes later, from the menu
		clock.advance(Duration.ofMinutes(6));
		follow(page, "ログイン方法変更");
		assertThat(path(page)).isEqualTo("/login-method");
		assertThat(heading(page)).isEqualTo("ログイン方法変更");
		assertThat(mainText(page)).contains("現在の認証方法", "生体認証（パスキー）", "登録済みのパスキー",
				"最後の1つのパスキーは削除できません。");
		assertThat(passkeyNames(page)).containsExactly("Linux");
		assertThat(removeButtons(page).count()).isZero();

		// adding one asks to prove the passkey again first, then comes back
		follow(page, "パスキーを追加する");
		assertThat(path(page)).isEqualTo("/mfa/passkey");
		assertThat(mainText(page)).contains("本人確認としてもう一度認証してください。");
		press(page, "パスキーで認証する");
		assertThat(path(page)).isEqualTo("/login-method/passkeys/add");
		assertThat(heading(page)).isEqualTo("パスキーを追加する");

		// the new passkey is made on another device (the PC's authenticator would refuse a second
		// passkey for the same member, and Chromium emulates one built-in authenticator at a time)
		pc.remove();
		VirtualAuthenticator phone = pc.another();
		int mailsBefore = mailbox.count(member.email());
		page.locator("#passkeyLabel").fill("スマートフォン");
		press(page, "パスキーを登録する");
		assertThat(path(page)).isEqualTo("/login-method");
		assertThat(mainText(page)).contains("パスキーを追加しました。");
		assertThat(passkeyNames(page)).containsExactly("Linux", "スマートフォン");
		assertThat(phone.credentials()).singleElement().extracting(Credential::rpId).isEqualTo("sakura.localhost");
		assertThat(mailbox.awaitMail(member.email(), mailsBefore + 1).text()).contains("パスキーが追加されました。");

		// renamed so the member can tell them apart
		Locator old = passkeyItem(page, "Linux");
		old.getByRole(AriaRole.TEXTBOX).fill("以前のPC");
		press(page, old.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("名前を変更").setExact(true)));
		assertThat(mainText(page)).contains("パスキーの名前を変更しました。");
		assertThat(passkeyNames(page)).containsExactly("以前のPC", "スマートフォン");

		// a second tab still shows both passkeys, each with its remove button
		Page otherTab = newTab();
		open(otherTab, member, "/login-method");
		assertThat(removeButtons(otherTab).count()).isEqualTo(2);

		press(page, "「以前のPC」を削除");
		assertThat(path(page)).isEqualTo("/login-method");
		assertThat(mainText(page)).contains("パスキーを削除しました。", "最後の1つのパスキーは削除できません。");
		assertThat(passkeyNames(page)).containsExactly("スマートフォン");
		assertThat(removeButtons(page).count()).isZero();
		assertThat(mailbox.awaitMail(member.email(), mailsBefore + 2).text()).contains("パスキーが削除されました。");

		// removing the last one from the stale tab is refused
		press(otherTab, "「スマートフォン」を削除");
		assertThat(errorText(otherTab)).contains("最後の1つのパスキーは削除できません。");
		assertThat(passkeyNames(otherTab)).containsExactly("スマートフォン");
		otherTab.close();

		// the remaining passkey signs in on its own
		logOut(page, member);
		press(page, "パスキーでログイン");
		assertHome(page, member);

		// the removed one no longer does, even from the device that still holds it
		logOut(page, member);
		phone.remove();
		pc.another().add(pcPasskey);
		page.locator("#passkey-signin").click();
		Locator error = page.locator("[data-passkey-error]");
		error.waitFor();
		assertAccessible(page);
		assertThat(error.innerText()).contains("パスキーで認証できませんでした。");
		assertThat(path(page)).isEqualTo("/login");
	}

	/** The names of the member's passkeys on ログイン方法変更, oldest first. */
	private static List<String> passkeyNames(Page page) {
		return page.locator(".passkey-item input[name=label]").all().stream().map(Locator::inputValue).toList();
	}

	private static Locator passkeyItem(Page page, String name) {
		return page.locator(".passkey-item")
			.filter(new Locator.FilterOptions().setHas(page.locator("input[name=label][value=\"" + name + "\"]")));
	}

	private static Locator removeButtons(Page page) {
		return page.locator(".passkey-item button").filter(new Locator.FilterOptions().setHasText("を削除"));
	}

	/** On the passkey enrolment page: the device name is filled in, one press creates the passkey. */
	private void enrolPasskeyAndArriveHome(Page page, TestMember member) {
		assertThat(heading(page)).isEqualTo("生体認証（パスキー）の登録");
		assertThat(page.locator("#passkeyLabel").inputValue()).isEqualTo("Linux");
		press(page, "パスキーを登録する");
		assertHome(page, member);
		assertThat(mainText(page)).contains("初回登録が完了しました。", "「パスキーでログイン」");
	}
}
