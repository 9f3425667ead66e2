package jp.kenpoportal.browser;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import jp.kenpoportal.signin.totp.TotpAlgorithm;
import jp.kenpoportal.support.MutableClock;
import jp.kenpoportal.support.PortalTest;
import jp.kenpoportal.support.TestMembers.TestMember;
import jp.kenpoportal.support.Totp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ワンタイムパスワード（アプリ認証） in Chromium: the member reads the manual key from the page,
 * as they would type it into an authenticator app, and signs in later with the app's code.
 */
@PortalTest
class TotpBrowserTest extends BrowserTestSupport {

	private static final String NEW_PASSWORD = "Kenpo-Portal-2026";

	private static final Duration STEP = Duration.ofSeconds(TotpAlgorithm.STEP_SECONDS);

	@Autowired
	private MutableClock clock;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void sakuraMemberRegistersTheAppByTheManualKeyAndSignsInLaterWithItsCode() {
		TestMember member = members.newMember("sakura");
		Page page = newTab();

		registerUntilFactorChoice(page, member);
		chooseFactorAndSetPassword(page, member, "TOTP", NEW_PASSWORD);
		assertThat(heading(page)).isEqualTo("認証アプリの登録");
		Locator qr = page.getByAltText("認証アプリで読み取るQRコード");
		assertThat(qr.isVisible()).isTrue();
		assertThat(qr.getAttribute("src")).startsWith("data:image/png;base64,");

		// the key is tucked away until the member says they cannot scan
		Locator key = page.locator("code.totp-key");
		assertThat(key.isVisible()).isFalse();
		page.getByText("スキャンできませんか?", new Page.GetByTextOptions().setExact(true)).click();
		assertThat(key.isVisible()).isTrue();
		assertAccessible(page);
		assertThat(page.locator("details.help").innerText()).contains(member.kenpo().name() + " (" + member.loginId() + ")");
		String shown = key.innerText().strip();
		assertThat(shown).matches("[A-Z2-7]{4}( [A-Z2-7]{1,4})+");
		String secret = shown.replace(" ", "");

		// a mistyped code first: told so, and the same key stays on the page
		page.locator("#code").fill(wrongCode(secret));
		press(page, "認証する");
		assertThat(path(page)).isEqualTo("/onboarding/factor/totp");
		assertThat(errorText(page)).contains("認証コードが正しくありません。", member.kenpo().name());
		assertThat(page.locator("#code").getAttribute("aria-invalid")).isEqualTo("true");
		assertThat(page.locator("code.totp-key").textContent().strip()).isEqualTo(shown);

		page.locator("#code").fill(appCode(secret));
		press(page, "認証する");
		assertHome(page, member);
		assertThat(mainText(page)).contains("初回登録が完了しました。", "認証アプリに表示されるコード");

		logOut(page, member);
		// each code is good once: the member comes back in a later 30-second step, not on the
		// one whose code confirmed the registration
		clock.advance(STEP);
		signIn(page, member, member.loginId(), NEW_PASSWORD);
		assertThat(path(page)).isEqualTo("/mfa/totp");
		assertThat(heading(page)).isEqualTo("ワンタイムパスワード（アプリ認証）");
		page.locator("#code").fill(appCode(secret));
		press(page, "認証する");
		assertHome(page, member);
	}

	/** What the app shows now by the portal's clock (the next code if this one is about to change). */
	private String appCode(String secret) {
		return Totp.fresh(secret, clock);
	}

	/** Six digits that are no code of the previous, current or next step. */
	private String wrongCode(String secret) {
		Instant now = clock.instant();
		Set<String> valid = Stream.of(now.minus(STEP), now, now.plus(STEP), now.plus(STEP.multipliedBy(2)))
			.map(t -> Totp.at(secret, t))
			.collect(Collectors.toSet());
		int n = 123456;
		while (valid.contains(String.format("%06d", n))) {
			n++;
		}
		return String.format("%06d", n);
	}
}
