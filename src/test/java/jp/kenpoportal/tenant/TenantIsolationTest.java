package jp.kenpoportal.tenant;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

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

@PortalTest
class TenantIsolationTest {

	@LocalServerPort
	int port;

	@Autowired
	TestMembers members;

	@Autowired
	Mailbox mailbox;

	@Test
	void whenHostIsUnknownThenAPlainNotFoundPageAndNoSession() {
		TestBrowser browser = new TestBrowser(port, "unknown.localhost");

		Page page = browser.get("/login");

		assertThat(page.status()).isEqualTo(404);
		assertThat(page.heading()).isEqualTo("ページが見つかりません");
		assertThat(page.text()).doesNotContain("健康保険組合", "ログイン");
		assertThat(browser.cookie("KENPO_SESSION")).isNull();
	}

	@Test
	void whenEachKenpoIsOpenedThenItsOwnNameAndIdFormatAreShown() {
		assertThat(new TestBrowser(port, "sakura.localhost").get("/login").text())
			.contains("さくら電機健康保険組合", "記号（2桁）＋番号（4桁）");
		assertThat(new TestBrowser(port, "tsubaki.localhost").get("/login").text())
			.contains("つばき広告健康保険組合", "記号（2桁）＋番号（7桁）");
	}

	@Test
	void whenASessionOfOneKenpoIsCarriedToAnotherKenposHostThenItIsNotSignedInThere() {
		TestMember member = members.newMember("sakura");
		TestBrowser browser = new TestBrowser(port, member.host());
		Journeys.onboard(browser, mailbox, member, "Crossing-Hosts-9");
		assertThat(browser.get("/").heading()).isEqualTo("ホーム");

		Page elsewhere = browser.onHost("aoba.localhost").get("/");

		assertThat(elsewhere.path()).isEqualTo("/login");
		assertThat(elsewhere.text()).contains("あおば食品健康保険組合").doesNotContain(member.member().name());
	}

	@Test
	void whenTheSameUserIdExistsInTwoKenpoThenEachSignsInOnlyAtItsOwnHost() {
		TestMember sakura = members.newMember("sakura");
		TestMember aoba = members.newMember("aoba");

		Page wrongHost = Journeys.signIn(new TestBrowser(port, "aoba.localhost"), sakura.loginId(),
				sakura.initialPassword());
		Page rightHost = Journeys.signIn(new TestBrowser(port, "sakura.localhost"), sakura.loginId(),
				sakura.initialPassword());

		assertThat(wrongHost.error()).contains("無効なユーザIDまたはパスワードです。");
		assertThat(rightHost.path()).isEqualTo("/onboarding/birth-date");
		assertThat(aoba.kenpo().id()).isNotEqualTo(sakura.kenpo().id());
	}

	@Test
	void whenAKenpoIsRegisteredThenItsHostServesItsLoginPage(@Autowired KenpoDirectory kenpos) {
		String code = "k" + System.nanoTime();
		kenpos.create(new NewKenpo(code, code + ".localhost", "テスト健康保険組合", "06130454", "t@example.com", null, 2, 4,
				Instant.now().plusSeconds(86400), EnumSet.of(SecondFactor.EMAIL_CODE), SecondFactor.EMAIL_CODE,
				new PasswordRules(8, 64, "-_", Set.of()), List.of()));

		assertThat(new TestBrowser(port, code + ".localhost").get("/login").text()).contains("テスト健康保険組合");
	}
}
