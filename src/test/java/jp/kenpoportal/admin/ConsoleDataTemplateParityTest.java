package jp.kenpoportal.admin;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jp.kenpoportal.admin.staff.StaffRole;
import jp.kenpoportal.portal.Notices;
import jp.kenpoportal.support.JteParityCheck;
import jp.kenpoportal.support.PortalTest;
import jp.kenpoportal.support.TestBrowser;
import jp.kenpoportal.support.TestStaff;
import jp.kenpoportal.tenant.Kenpo;
import jp.kenpoportal.tenant.KenpoDirectory;
import jp.kenpoportal.tenant.NewKenpo;
import jp.kenpoportal.tenant.PasswordRules;
import jp.kenpoportal.tenant.SecondFactor;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Console pages moved to jte (issue 14: admin/dashboard, notices, settings) in states the other tests do not
 * reach: a kenpo with no roster and no 利用規約 version, and the お知らせ list over two pages. The suite-wide
 * parity check (JteParityCheck) renders each also with its Thymeleaf template: a difference is a 500.
 */
@PortalTest
class ConsoleDataTemplateParityTest {

	@LocalServerPort
	int port;

	@Autowired
	TestStaff staff;

	@Autowired
	KenpoDirectory kenpos;

	@Autowired
	Notices notices;

	@Test
	void anEmptyKenposDashboardTermsAndNoticePagesAreTheSameInBothEngines() {
		Kenpo kenpo = newKenpo();
		Instant now = Instant.now();
		for (int i = 1; i <= 21; i++) {
			notices.publish(kenpo.id(), "お知らせ" + i + (i == 2 ? " \"引用\" & <タグ> 'x'" : ""), "本文",
					now.minus(Duration.ofDays(i)), i == 1 ? now.plus(Duration.ofDays(3)) : null);
		}
		TestBrowser console = staff.signedInAs(port, StaffRole.ADMIN, kenpo.code());

		for (String path : List.of("/dashboard", "/dashboard?period=week", "/settings/terms", "/notices",
				"/notices?page=1", "/letters", "/imports", "/imports/clients")) {
			int checked = JteParityCheck.CHECKED.get();
			assertThat(console.get(path).status()).as(path).isEqualTo(200);
			assertThat(JteParityCheck.CHECKED.get()).as("the parity check compared %s", path).isGreaterThan(checked);
		}

		// the upload form and the API client form with their errors, input kept
		console.get("/imports");
		int checked = JteParityCheck.CHECKED.get();
		assertThat(console.submitMultipart("/imports", Map.of("kind", "ROSTER", "month", "2026-13", "created", "x"), List.of())
			.status()).isEqualTo(200);
		console.get("/imports/clients");
		assertThat(console.submit("/imports/clients", Map.of("name", "")).status()).isEqualTo(200);
		assertThat(JteParityCheck.CHECKED.get()).as("both forms compared").isGreaterThanOrEqualTo(checked + 2);
	}

	private Kenpo newKenpo() {
		String code = "cpar" + System.nanoTime();
		return kenpos.create(new NewKenpo(code, code + ".localhost", "コンソール試験健康保険組合", "06130454",
				"t@example.com", "03-0000-0000", 2, 4, Instant.now().plus(Duration.ofDays(30)),
				EnumSet.of(SecondFactor.EMAIL_CODE), SecondFactor.EMAIL_CODE, new PasswordRules(8, 64, "-_", Set.of()),
				List.of("medical")));
	}
}
