package jp.kenpoportal.browser;

import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import jp.kenpoportal.support.Journeys;
import jp.kenpoportal.support.Mailbox.Mail;
import jp.kenpoportal.support.PortalTest;
import jp.kenpoportal.support.TestBrowser;
import jp.kenpoportal.support.TestMembers.TestMember;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ユーザIDを忘れた方 and パスワードを忘れた方 in Chromium, from the links on the login page to the
 * mails and back: the answers never tell whether anything matched, and a reset password still
 * needs the second factor.
 */
@PortalTest
class RecoveryBrowserTest extends BrowserTestSupport {

	private static final String PASSWORD = "Kenpo-Portal-2026";

	private static final Pattern RESET_LINK = Pattern.compile("https?://\\S+/reset-password\\?token=[A-Za-z0-9_-]+");

	@Test
	void forgottenUserIdComesByMailAndTheAnswerReadsTheSameForAnUnknownAddress() {
		TestMember member = members.newMember("sakura");
		Journeys.onboard(new TestBrowser(port, member.host()), mailbox, member, PASSWORD);
		String unknown = "nobody-" + member.loginId() + "@example.com";
		Page page = newTab();

		// first an address nobody registered: the same neutral answer, and no mail
		open(page, member, "/login");
		follow(page, "ユーザIDを忘れた方はこちら");
		assertThat(path(page)).isEqualTo("/forgot-user-id");
		assertThat(heading(page)).isEqualTo("ユーザIDを忘れた方");
		askForUserId(page, unknown, member.birthDateDigits());
		String unknownAnswer = mainText(page);

		open(page, member, "/forgot-user-id");
		int mailsBefore = mailbox.count(member.email());
		// typed as members often do, with 年月日
		askForUserId(page, member.email(), member.birthDate().getYear() + "年" + member.birthDate().getMonthValue()
				+ "月" + member.birthDate().getDayOfMonth() + "日");
		assertThat(mainText(page)).isEqualTo(unknownAnswer)
			.contains("入力されたメールアドレスと生年月日がご登録の内容と一致する場合は、ユーザIDをお知らせするメールを送信しました。");

		Mail mail = mailbox.awaitMail(member.email(), mailsBefore + 1);
		assertThat(mail.subject()).isEqualTo("【" + member.kenpo().name() + "】ユーザIDのお知らせ");
		assertThat(mail.text()).contains("・" + member.loginId(), "http://" + member.host() + ":8080/login");
		// the unknown address was asked about first: its mail, had there been one, would be out by now
		assertThat(mailbox.count(unknown)).isZero();

		follow(page, "ログイン画面へ戻る");
		assertThat(path(page)).isEqualTo("/login");
	}

	@Test
	void forgottenPasswordIsResetByTheMailedLinkWithinTheKenposRulesAndTheNextSignInStillAsksForTheMailCode() {
		TestMember member = members.newMember("tsubaki");
		TestBrowser otherDevice = new TestBrowser(port, member.host());
		Journeys.onboard(otherDevice, mailbox, member, PASSWORD);
		String newPassword = "Tsubaki-Reset-2027";
		Page page = newTab();

		open(page, member, "/login");
		follow(page, "パスワードを忘れた方はこちら");
		assertThat(path(page)).isEqualTo("/forgot-password");
		assertThat(heading(page)).isEqualTo("パスワードを忘れた方");
		int mailsBefore = mailbox.count(member.email());
		page.locator("#userId").fill(member.loginId());
		page.locator("#email").fill(member.email());
		press(page, "再設定用のメールを送信");
		assertThat(path(page)).isEqualTo("/forgot-password");
		assertThat(query(page)).isEqualTo("sent");
		assertThat(heading(page)).isEqualTo("お手続きを受け付けました");
		assertThat(mainText(page)).contains("パスワード再設定用のリンクをメールで送信しました。リンクの有効期限は30分です。");

		Mail mail = mailbox.awaitMail(member.email(), mailsBefore + 1);
		assertThat(mail.subject()).isEqualTo("【" + member.kenpo().name() + "】パスワード再設定のご案内");
		assertThat(mail.text()).contains("ユーザID「" + member.loginId() + "」", "リンクの有効期限は30分");
		String link = onThisServer(resetLink(mail), member);

		page.navigate(link);
		assertAccessible(page);
		assertThat(path(page)).isEqualTo("/reset-password");
		assertThat(heading(page)).isEqualTo("パスワードの再設定");
		assertThat(mainText(page)).contains("ユーザID「" + member.loginId() + "」の新しいパスワードを入力してください。");
		assertThat(page.locator("#password-rules").innerText()).contains("英大文字を1文字以上含む", "英小文字を1文字以上含む",
				"数字を1文字以上含む", "記号を1文字以上含む");

		// a weak password is refused with the reasons, and the link stays good
		page.locator("#birthDate").fill(member.birthDateDigits());
		page.locator("#password").fill("password");
		page.locator("#passwordConfirm").fill("password");
		press(page, "パスワードを再設定する");
		assertThat(path(page)).isEqualTo("/reset-password");
		assertThat(errorText(page)).contains("次の点をご確認ください。", "英大文字を1文字以上含めてください。", "数字を1文字以上含めてください。",
				"次の記号のいずれかを1文字以上含めてください");
		assertThat(page.locator("#password").getAttribute("aria-invalid")).isEqualTo("true");

		page.locator("#password").fill(newPassword);
		page.locator("#passwordConfirm").fill(newPassword);
		press(page, "パスワードを再設定する");
		assertThat(path(page)).isEqualTo("/login");
		assertThat(query(page)).isEqualTo("passwordReset");
		assertThat(mainText(page)).contains("パスワードを再設定しました。新しいパスワードでログインしてください。",
				"ログイン時の認証（2段階目）はこれまでどおり必要です。");
		assertThat(mailbox.awaitMail(member.email(), mailsBefore + 2).text()).contains("パスワードが再設定されました");
		// every session of the account ended, the other device's too
		assertThat(otherDevice.get("/").path()).isEqualTo("/login");

		// the link is used up
		page.navigate(link);
		assertAccessible(page);
		assertThat(heading(page)).isEqualTo("このリンクは使用できません");

		// the old password no longer signs in; the new one does, with the mail code as before
		signIn(page, member, member.loginId(), PASSWORD);
		assertThat(path(page)).isEqualTo("/login");
		assertThat(page.locator("#form-error").innerText()).contains("無効なユーザIDまたはパスワードです。");
		signInWithMailedCode(page, member, newPassword);
		assertHome(page, member);
	}

	private void askForUserId(Page page, String email, String birthDate) {
		page.locator("#email").fill(email);
		page.locator("#birthDate").fill(birthDate);
		press(page, "ユーザIDをメールで受け取る");
		assertThat(path(page)).isEqualTo("/forgot-user-id");
		assertThat(query(page)).isEqualTo("sent");
		assertThat(heading(page)).isEqualTo("お手続きを受け付けました");
	}

	private static String resetLink(Mail mail) {
		Matcher m = RESET_LINK.matcher(mail.text());
		assertThat(m.find()).as("reset link in mail: %s", mail.text()).isTrue();
		return m.group();
	}

	/** The mail's link names the public URL (port 8080); the member's browser reaches this test server. */
	private String onThisServer(String link, TestMember member) {
		URI uri = URI.create(link);
		assertThat(uri.getHost()).isEqualTo(member.host());
		assertThat(uri.getPort()).isEqualTo(8080);
		return origin(member) + uri.getRawPath() + "?" + uri.getRawQuery();
	}
}
