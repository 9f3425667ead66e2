package jp.kenpoportal.browser;

import java.net.URI;

import com.microsoft.playwright.Page;
import jp.kenpoportal.support.Mailbox.Mail;
import jp.kenpoportal.support.PortalTest;
import jp.kenpoportal.support.TestMembers.TestMember;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole first registration in Chromium, then a later sign-in, for two kenpo with different
 * password policies, reading the mails as the member would.
 */
@PortalTest
class FirstRegistrationBrowserTest extends BrowserTestSupport {

	private static final String NEW_PASSWORD = "Kenpo-Portal-2026";

	@Test
	void sakuraMemberConfirmsTheMailByTheLinkInAnotherTabAndTheFirstTabMovesOnByItself() {
		TestMember member = members.newMember("sakura");
		Page page = newTab();

		startRegistration(page, member);
		int mailsBefore = mailbox.count(member.email());
		press(page, "確認メールを送信");
		assertThat(path(page)).isEqualTo("/onboarding/email");
		assertThat(heading(page)).isEqualTo("確認メールを送信しました");
		assertThat(mainText(page)).contains(member.email());

		Mail confirmation = mailbox.awaitMail(member.email(), mailsBefore + 1);
		Page mailTab = newTab();
		mailTab.navigate(onThisServer(confirmation.verificationLink(), member));
		assertAccessible(mailTab);
		assertThat(heading(mailTab)).isEqualTo("メールアドレスの確認");
		press(mailTab, "メールアドレスを確認する");
		// the link opened in the signed-in browser itself goes straight on as well
		assertThat(path(mailTab)).isEqualTo("/onboarding/user-id");

		page.waitForURL(url -> URI.create(url).getPath().equals("/onboarding/user-id"),
				new Page.WaitForURLOptions().setTimeout(10_000));
		assertAccessible(page);
		// the link is good once: opened again, it says so
		mailTab.navigate(onThisServer(confirmation.verificationLink(), member));
		assertAccessible(mailTab);
		press(mailTab, "メールアドレスを確認する");
		assertThat(heading(mailTab)).isEqualTo("メールアドレスの確認");
		assertThat(errorText(mailTab)).contains("このリンクは無効か、有効期限が切れています。");
		mailTab.close();
		assertThat(heading(page)).isEqualTo("ユーザIDの変更・認証方法の設定");

		keepUserIdAndChooseMailCode(page, member);
		assertThat(page.locator("#password-rules").innerText()).contains("8〜64文字")
			.doesNotContain("英大文字を1文字以上含む", "数字を1文字以上含む");
		setPassword(page, NEW_PASSWORD);
		enrolMailCodeAndArriveHome(page, member, mailsBefore + 2);

		logOut(page, member);
		signInWithMailedCode(page, member, NEW_PASSWORD);
	}

	@Test
	void tsubakiMemberTypesTheCodeInFullWidthWithASpaceAndIsToldWhyAWeakPasswordIsRefused() {
		TestMember member = members.newMember("tsubaki");
		Page page = newTab();

		startRegistration(page, member);
		int mailsBefore = mailbox.count(member.email());
		press(page, "確認メールを送信");
		assertThat(heading(page)).isEqualTo("確認メールを送信しました");

		String code = mailbox.awaitMail(member.email(), mailsBefore + 1).code();
		String typed = fullWidth(code.substring(0, 3)) + " " + fullWidth(code.substring(3));
		page.locator("#code").fill(typed);
		press(page, "認証する");
		assertThat(path(page)).isEqualTo("/onboarding/user-id");

		keepUserIdAndChooseMailCode(page, member);
		assertThat(page.locator("#password-rules").innerText()).contains("英大文字を1文字以上含む", "英小文字を1文字以上含む",
				"数字を1文字以上含む", "記号を1文字以上含む");
		page.locator("#password").fill("password");
		page.locator("#passwordConfirm").fill("password");
		press(page, "次へ");
		assertThat(path(page)).isEqualTo("/onboarding/password");
		assertThat(errorText(page)).contains("次の点をご確認ください。", "英大文字を1文字以上含めてください。", "数字を1文字以上含めてください。",
				"次の記号のいずれかを1文字以上含めてください");
		assertThat(page.locator("#password").getAttribute("aria-invalid")).isEqualTo("true");

		setPassword(page, NEW_PASSWORD);
		enrolMailCodeAndArriveHome(page, member, mailsBefore + 2);

		logOut(page, member);
		signInWithMailedCode(page, member, NEW_PASSWORD);
	}

	/** Sign-in with the initial password, 生年月日, terms; ends on the mail address step. */
	private void startRegistration(Page page, TestMember member) {
		signIn(page, member, member.loginId(), member.initialPassword());
		assertThat(path(page)).isEqualTo("/onboarding/birth-date");
		assertThat(heading(page)).isEqualTo("生年月日の入力");
		assertThat(mainText(page)).contains("初回登録 ステップ 1 / 6");

		page.locator("#birthDate").fill(member.birthDateDigits());
		press(page, "次へ");
		assertThat(path(page)).isEqualTo("/onboarding/terms");
		assertThat(heading(page)).isEqualTo("利用規約");

		press(page, "同意する");
		assertThat(path(page)).isEqualTo("/onboarding/email");
		assertThat(heading(page)).isEqualTo("メールアドレスの確認");
		assertThat(page.locator("#email").inputValue()).isEqualTo(member.email());
	}

	private void keepUserIdAndChooseMailCode(Page page, TestMember member) {
		assertThat(page.locator("#userId").inputValue()).isEqualTo(member.loginId());
		page.locator("input[name=factor][value=EMAIL_CODE]").check();
		press(page, "次へ");
		assertThat(path(page)).isEqualTo("/onboarding/password");
		assertThat(heading(page)).isEqualTo("パスワードの更新");
	}

	private void setPassword(Page page, String password) {
		page.locator("#password").fill(password);
		page.locator("#passwordConfirm").fill(password);
		press(page, "次へ");
		assertThat(path(page)).isEqualTo("/onboarding/factor");
		assertThat(heading(page)).isEqualTo("メール認証の登録");
	}

	private void enrolMailCodeAndArriveHome(Page page, TestMember member, int mailNumber) {
		String code = mailbox.awaitMail(member.email(), mailNumber).code();
		page.locator("#code").fill(code);
		press(page, "認証する");
		assertThat(path(page)).isEqualTo("/");
		assertThat(mainText(page)).contains("初回登録が完了しました。", member.member().name() + " 様", "医療費のお知らせ",
				"お知らせ");
		assertThat(page.locator("header").innerText()).contains(member.kenpo().name());
	}

	/** The mail's link names the public URL (port 8080); the member's browser reaches this test server. */
	private String onThisServer(String link, TestMember member) {
		URI uri = URI.create(link);
		assertThat(uri.getHost()).isEqualTo(member.host());
		return origin(member) + uri.getRawPath() + "?" + uri.getRawQuery();
	}

	private static String fullWidth(String digits) {
		StringBuilder s = new StringBuilder();
		digits.chars().forEach(c -> s.append((char) (c - '0' + '０')));
		return s.toString();
	}
}
