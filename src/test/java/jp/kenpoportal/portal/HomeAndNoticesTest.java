package jp.kenpoportal.portal;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jp.kenpoportal.support.Journeys;
import jp.kenpoportal.support.Mailbox;
import jp.kenpoportal.support.MutableClock;
import jp.kenpoportal.support.PortalTest;
import jp.kenpoportal.support.TestBrowser;
import jp.kenpoportal.support.TestBrowser.Page;
import jp.kenpoportal.support.TestMembers;
import jp.kenpoportal.support.TestMembers.TestMember;
import jp.kenpoportal.tenant.Kenpo;
import jp.kenpoportal.tenant.KenpoDirectory;
import jp.kenpoportal.tenant.NewKenpo;
import jp.kenpoportal.tenant.PasswordRules;
import jp.kenpoportal.tenant.SecondFactor;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Home's tiles and お知らせ, the notice pages, and services a kenpo has not enabled. */
@PortalTest
class HomeAndNoticesTest {

	private static final String PASSWORD = "Home-Tiles-2026";

	@LocalServerPort
	int port;

	@Autowired
	TestMembers members;

	@Autowired
	Mailbox mailbox;

	@Autowired
	Notices notices;

	@Autowired
	KenpoDirectory kenpos;

	@Autowired
	MutableClock clock;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void whenTheMemberIsHomeThenTheKenposServicesAndLinksAreTiles() {
		TestMember member = members.newMember("sakura");
		TestBrowser browser = new TestBrowser(port, member.host());
		Journeys.onboard(browser, mailbox, member, PASSWORD);

		Page home = browser.get("/");

		assertThat(home.doc().select(".tile a.tile__link[href^=/]")).extracting(a -> a.attr("href"))
			.containsExactly("/medical", "/benefits", "/qualification", "/flu");
		// インフルエンザ予防接種補助 is built (issue 12): no tile says 準備中 any more
		assertThat(home.doc().select(".tile--preparing")).isEmpty();
		List<Element> external = home.doc().select(".tile--external a");
		assertThat(external).extracting(Element::text).allMatch(t -> t.contains("新しいタブで開きます"));
		assertThat(external).extracting(a -> a.attr("href"))
			.containsExactly("https://dock.sakura-denki.example/", "https://apply.sakura-denki.example/",
					"https://travel.sakura-denki.example/");
		assertThat(external).allSatisfy(a -> {
			assertThat(a.attr("target")).isEqualTo("_blank");
			assertThat(a.attr("rel")).contains("noopener", "noreferrer");
		});
	}

	@Test
	void whenNoticesArePublishedThenHomeListsTheCurrentOnesNewestFirstAndMarksTheUnread() {
		Kenpo kenpo = newKenpo(List.of("medical"));
		Instant now = clock.instant();
		long older = notices.publish(kenpo.id(), "古いお知らせ", "本文1", now.minus(Duration.ofDays(5)), null);
		long newer = notices.publish(kenpo.id(), "新しいお知らせ", "本文2\n二行目", now.minus(Duration.ofDays(1)), null);
		long future = notices.publish(kenpo.id(), "予告のお知らせ", "本文3", now.plus(Duration.ofDays(3)), null);
		long expired = notices.publish(kenpo.id(), "終了したお知らせ", "本文4", now.minus(Duration.ofDays(9)),
				now.minus(Duration.ofDays(2)));
		TestMember member = members.newMember(kenpo.code());
		TestBrowser browser = new TestBrowser(port, member.host());
		Journeys.onboard(browser, mailbox, member, PASSWORD);

		Page home = browser.get("/");
		assertThat(home.doc().select(".notice-list a")).extracting(Element::text)
			.containsExactly("新しいお知らせ", "古いお知らせ");
		assertThat(home.doc().select(".notice-list__item--unread")).hasSize(2);

		Page notice = browser.get("/notices/" + newer);
		assertThat(notice.heading()).isEqualTo("新しいお知らせ");
		assertThat(notice.text()).contains("本文2");
		assertThat(browser.get("/").doc().select(".notice-list__item--unread a")).extracting(Element::text)
			.containsExactly("古いお知らせ");

		assertThat(browser.get("/notices/" + future).status()).isEqualTo(404);
		assertThat(browser.get("/notices/" + expired).status()).isEqualTo(404);
		assertThat(browser.get("/notices").text()).contains("新しいお知らせ", "古いお知らせ")
			.doesNotContain("予告のお知らせ", "終了したお知らせ");

		clock.advance(Duration.ofDays(4));
		assertThat(browser.get("/notices/" + future).status()).isEqualTo(200);
		assertThat(older).isPositive();
	}

	@Test
	void whenAKenpoHasNotEnabledAServiceThenItIsNeitherShownNorReachable() {
		Kenpo kenpo = newKenpo(List.of("medical"));
		TestMember member = members.newMember(kenpo.code());
		TestBrowser browser = new TestBrowser(port, member.host());
		Journeys.onboard(browser, mailbox, member, PASSWORD);

		assertThat(browser.get("/").doc().select(".tile a.tile__link")).extracting(a -> a.attr("href"))
			.containsExactly("/medical");
		assertThat(browser.get("/medical").status()).isEqualTo(200);
		for (String path : List.of("/benefits", "/benefits/1", "/benefits/1/notice.pdf", "/qualification",
				"/qualification/notice.pdf")) {
			assertThat(browser.get(path).status()).as(path).isEqualTo(404);
		}
	}

	@Test
	void whenAnotherKenposNoticeIsAskedForThenItIsNotFound() {
		long aobaNotice = notices.publish(kenpos.findByCode("aoba").orElseThrow().id(), "あおばのお知らせ", "本文",
				clock.instant().minus(Duration.ofDays(1)), null);
		TestMember member = members.newMember("sakura");
		TestBrowser browser = new TestBrowser(port, member.host());
		Journeys.onboard(browser, mailbox, member, PASSWORD);

		assertThat(browser.get("/notices/" + aobaNotice).status()).isEqualTo(404);
		assertThat(browser.get("/notices").text()).doesNotContain("あおばのお知らせ");
	}

	private Kenpo newKenpo(List<String> services) {
		String code = "svc" + System.nanoTime();
		Kenpo kenpo = kenpos.create(new NewKenpo(code, code + ".localhost", "サービス試験健康保険組合", "06130454",
				"t@example.com", null, 2, 4, Instant.now().plus(Duration.ofDays(30)), EnumSet.of(SecondFactor.EMAIL_CODE),
				SecondFactor.EMAIL_CODE, new PasswordRules(8, 64, "-_", Set.of()), services));
		kenpos.publishTerms(kenpo.id(), "利用規約", "本文");
		return kenpo;
	}
}
