package jp.kenpoportal.admin.bootstrap;

import java.util.Map;

import jp.kenpoportal.support.MutableClock;
import jp.kenpoportal.support.PortalTest;
import jp.kenpoportal.support.TestBrowser;
import jp.kenpoportal.support.TestBrowser.Page;
import jp.kenpoportal.support.Totp;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo staff of the README sign in with the password and key listed there. */
@PortalTest
class DemoStaffTest {

	@LocalServerPort
	int port;

	@Autowired
	MutableClock clock;

	@Test
	void whenTheSakuraAdminSignsInWithTheReadmesFactorsThenHomeShowsTheirKenpo() {
		DemoStaff.Seed admin = DemoStaff.SEEDS.stream().filter(s -> s.loginId().equals("admin.sakura")).findFirst().orElseThrow();
		TestBrowser console = TestBrowser.console(port);
		console.get("/login");
		console.submit("/login", Map.of("userId", "admin.sakura", "password", "Sakura-Admin-2026"));

		Page home = console.submit("/mfa", Map.of("code", Totp.at(admin.totpKey(), clock.instant())));

		assertThat(admin.totpKey()).isEqualTo("SAKURAADMINDEMOKEY234567SAKURA23");
		assertThat(home.heading()).isEqualTo("ホーム");
		assertThat(home.text()).contains("桜井 管理", "管理者", "さくら電機健康保険組合");
	}
}
