package jp.kenpoportal.portal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import jp.kenpoportal.support.JteParityCheck;
import jp.kenpoportal.support.Journeys;
import jp.kenpoportal.support.Mailbox;
import jp.kenpoportal.support.PortalTest;
import jp.kenpoportal.support.ServiceData;
import jp.kenpoportal.support.TestBrowser;
import jp.kenpoportal.support.TestMembers;
import jp.kenpoportal.support.TestMembers.TestMember;
import jp.kenpoportal.support.ThymeleafOnRequest;
import jp.kenpoportal.tenant.ExternalLink;
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
 * The pages moved to jte send the very bytes their Thymeleaf templates sent (issue 14): each page is asked
 * for twice in the same session, once as served (jte) and once rendered by its Thymeleaf template
 * ({@link ThymeleafOnRequest}), and the two bodies must be equal, in the states that change what is shown.
 */
@PortalTest
class TemplateParityTest {

	private static final String PASSWORD = "Parity-Pages-2026";

	private static final Pattern CSRF_VALUE = Pattern.compile("(name=\"_csrf\" (?:content|value)=)\"[^\"]*\"");

	private static final int YEAR = LocalDate.now().getYear() - 1;

	@LocalServerPort
	int port;

	@Autowired
	TestMembers members;

	@Autowired
	Mailbox mailbox;

	@Autowired
	ServiceData data;

	@Autowired
	Notices notices;

	@Autowired
	KenpoDirectory kenpos;

	@Test
	void homeWithTilesLinksAndMoreNoticesThanItShowsIsTheSameInBothEngines() {
		Kenpo kenpo = newKenpo(List.of("medical", "benefits"));
		kenpos.addLink(kenpo.id(), new ExternalLink("予約 \"A&B\" <ドック> 'x'", "https://dock.example/?a=1&b=2"));
		Instant now = Instant.now();
		for (int i = 1; i <= 7; i++) {
			notices.publish(kenpo.id(), "お知らせ" + i + (i == 3 ? " \"引用\" & <タグ> 'x'" : ""), "本文",
					now.minus(Duration.ofDays(i)), null);
		}
		TestBrowser browser = onboarded(members.newMember(kenpo.code()));

		assertSame(browser, "/");
		assertSame(browser, "/?welcome");
	}

	@Test
	void homeWithNothingToShowIsTheSameInBothEngines() {
		Kenpo kenpo = newKenpo(List.of());
		TestBrowser browser = onboarded(members.newMember(kenpo.code()));

		assertSame(browser, "/");
	}

	@Test
	void theYearPageIsTheSameInBothEnginesForTheHouseholdAPersonAYearWithoutClaimsAndANoticeError() {
		TestMember household = members.newHousehold("sakura");
		data.typicalYear(household, YEAR);
		TestBrowser browser = onboarded(household);

		assertSame(browser, "/medical/" + YEAR);
		assertSame(browser, "/medical/" + YEAR + "?person=01");
		assertSame(browser, "/medical/" + (YEAR - 5));
		assertSame(browser, "/medical/" + YEAR + "?from=" + YEAR + "-05&to=" + YEAR
				+ "-02&mask=true&noticeError=medical.notice.error.order");
	}

	private TestBrowser onboarded(TestMember member) {
		TestBrowser browser = new TestBrowser(port, member.host());
		Journeys.onboard(browser, mailbox, member, PASSWORD);
		return browser;
	}

	private static void assertSame(TestBrowser browser, String path) {
		int checked = JteParityCheck.CHECKED.get();
		String jte = withoutCsrfToken(browser.raw(path, ThymeleafOnRequest.HEADER, "as-served"));
		assertThat(JteParityCheck.CHECKED.get()).as("the suite-wide check compared %s too", path).isGreaterThan(checked);
		String thymeleaf = withoutCsrfToken(browser.raw(path, ThymeleafOnRequest.HEADER, "thymeleaf"));
		if (!jte.equals(thymeleaf)) {
			// both pages, to compare with diff
			keep(path, "jte", jte);
			keep(path, "thymeleaf", thymeleaf);
		}
		assertThat(jte).as("%s as served (jte) against its Thymeleaf template", path).isEqualTo(thymeleaf);
	}

	/** Spring Security masks the CSRF token afresh for every request, so its value differs between any two pages. */
	private static String withoutCsrfToken(String html) {
		return CSRF_VALUE.matcher(html).replaceAll("$1\"(token)\"");
	}

	private static void keep(String path, String engine, String html) {
		try {
			Path dir = Files.createDirectories(Path.of("target", "template-parity"));
			Files.writeString(dir.resolve(path.replaceAll("[^A-Za-z0-9]+", "_") + "." + engine + ".html"), html);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private Kenpo newKenpo(List<String> services) {
		String code = "par" + System.nanoTime();
		Kenpo kenpo = kenpos.create(new NewKenpo(code, code + ".localhost", "パリティ試験健康保険組合", "06130454",
				"t@example.com", "03-0000-0000", 2, 4, Instant.now().plus(Duration.ofDays(30)),
				EnumSet.of(SecondFactor.EMAIL_CODE), SecondFactor.EMAIL_CODE, new PasswordRules(8, 64, "-_", Set.of()),
				services));
		kenpos.publishTerms(kenpo.id(), "利用規約", "本文");
		return kenpo;
	}
}
