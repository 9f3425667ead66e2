package jp.kenpoportal.browser;

import java.util.Map;

import com.microsoft.playwright.Page;
import jp.kenpoportal.support.Journeys;
import jp.kenpoportal.support.PortalTest;
import jp.kenpoportal.support.TestBrowser;
import jp.kenpoportal.support.TestMembers.TestMember;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A long mail address (one word of 36+ characters to the browser) wraps rather than widening
 * the page at a phone's width (390×844): on the mail step's sent state and on プロフィール変更.
 */
@PortalTest
class LongMailAddressBrowserTest extends BrowserTestSupport {

	private static final String PASSWORD = "Kenpo-Portal-2026";

	@Test
	void theMailStepShowsALongAddressWithoutScrollingSideways() {
		TestMember member = members.newMember("sakura");
		String address = longAddress(member);
		Page page = newTab();
		page.setViewportSize(390, 844);
		signIn(page, member, member.loginId(), member.initialPassword());
		page.locator("#birthDate").fill(member.birthDateDigits());
		press(page, "次へ");
		press(page, "同意する");
		assertThat(path(page)).isEqualTo("/onboarding/email");

		page.locator("#email").fill(address);
		press(page, "確認メールを送信");

		assertThat(heading(page)).isEqualTo("確認メールを送信しました");
		assertThat(mainText(page).replaceAll("\\s", "")).contains(address);
		assertThat(scrollsSideways(page)).as("mail step with %s scrolls sideways at 390 px", address).isFalse();
	}

	@Test
	void theProfileShowsALongAddressWithoutScrollingSideways() {
		TestMember member = members.newMember("sakura");
		TestBrowser http = new TestBrowser(port, member.host());
		Journeys.onboard(http, mailbox, member, PASSWORD);
		String address = longAddress(member);
		// the current address made long over HTTP, confirmed by the code sent to it
		http.get("/profile");
		http.submit("/profile/email", Map.of("newEmail", address));
		http.submit("/profile/email/code", Map.of("code", mailbox.awaitMail(address, 1).code()));
		Page page = newTab();
		page.setViewportSize(390, 844);
		int mailsBefore = mailbox.count(address);
		signIn(page, member, member.loginId(), PASSWORD);
		page.locator("#code").fill(mailbox.awaitMail(address, mailsBefore + 1).code());
		press(page, "認証する");

		open(page, member, "/profile");
		assertThat(heading(page)).isEqualTo("プロフィール変更");
		assertThat(mainText(page).replaceAll("\\s", "")).contains(address);
		assertThat(scrollsSideways(page)).as("profile with %s scrolls sideways at 390 px", address).isFalse();

		// and while a change to another long address waits for its confirmation
		page.locator("#newEmail").fill("second." + address);
		press(page, "確認メールを送信");
		assertThat(mainText(page).replaceAll("\\s", "")).contains("second." + address);
		assertThat(scrollsSideways(page)).as("profile with a pending long address scrolls sideways").isFalse();
	}

	/** A real-looking long address, unique to the member: 50+ characters with no place to break a line (no space or hyphen). */
	private static String longAddress(TestMember member) {
		String address = "yamada.hanako.familyaccount." + member.email().replace("@", "@mail.subsidiary");
		assertThat(address.length()).isGreaterThan(50);
		return address;
	}
}
