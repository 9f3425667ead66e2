package jp.kenpoportal.browser;

import com.microsoft.playwright.Page;
import jp.kenpoportal.support.Journeys;
import jp.kenpoportal.support.PortalTest;
import jp.kenpoportal.support.TestBrowser;
import jp.kenpoportal.support.TestMembers.TestMember;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The pages a member opens most often fit a phone's width (390×844) without sideways scrolling. */
@PortalTest
class PhoneWidthBrowserTest extends BrowserTestSupport {

	private static final String PASSWORD = "Kenpo-Portal-2026";

	@Test
	void loginPageAndHomeFitAPhoneWithoutScrollingSideways() {
		TestMember member = members.newMember("sakura");
		// the registration itself is not under test here: done over HTTP
		Journeys.onboard(new TestBrowser(port, member.host()), mailbox, member, PASSWORD);
		Page page = newTab();
		page.setViewportSize(390, 844);

		open(page, member, "/login");
		assertThat(heading(page)).isEqualTo("ログイン");
		assertThat(scrollsSideways(page)).as("login page scrolls sideways at 390 px").isFalse();

		signInWithMailedCode(page, member, PASSWORD);
		assertThat(path(page)).isEqualTo("/");
		assertThat(scrollsSideways(page)).as("home scrolls sideways at 390 px").isFalse();
	}
}
