package jp.kenpoportal.portal;

import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;

import jp.kenpoportal.medical.ClaimCategory;
import jp.kenpoportal.support.Journeys;
import jp.kenpoportal.support.Mailbox;
import jp.kenpoportal.support.Mailbox.Mail;
import jp.kenpoportal.support.MutableClock;
import jp.kenpoportal.support.PortalTest;
import jp.kenpoportal.support.ServiceData;
import jp.kenpoportal.support.TestBrowser;
import jp.kenpoportal.support.TestMembers;
import jp.kenpoportal.support.TestMembers.TestMember;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Mails about newly published data: opted in by default, one per kind and day, no health data in them. */
@PortalTest
class PublicationMailsTest {

	private static final YearMonth MONTH = YearMonth.of(LocalDate.now().getYear() - 1, 8);

	@LocalServerPort
	int port;

	@Autowired
	TestMembers members;

	@Autowired
	Mailbox mailbox;

	@Autowired
	ServiceData data;

	@Autowired
	MutableClock clock;

	@Autowired
	PublicationMails publicationMails;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void whenNewClaimsArePublishedThenTheMemberGetsOneMailPerDayWithoutHealthData() {
		TestMember household = onboardedHousehold();
		publicationMails.run();
		int before = mailbox.count(household.email());
		data.claim(household, "01", MONTH, ClaimCategory.OUTPATIENT, "秘密クリニック", 9_990, 2_990,
				clock.instant().plus(Duration.ofHours(1)));
		data.claim(household, "02", MONTH, ClaimCategory.DENTAL, "秘密歯科", 4_440, 880,
				clock.instant().plus(Duration.ofHours(2)));

		clock.advance(Duration.ofMinutes(70));
		publicationMails.run();
		Mail mail = mailbox.awaitMail(household.email(), before + 1);
		assertThat(mail.subject()).isEqualTo("【さくら電機健康保険組合】医療費のお知らせを掲載しました");
		assertThat(mail.text()).contains("/medical", "プロフィール変更")
			.doesNotContain("秘密クリニック", "2,990", "試験 花子");

		clock.advance(Duration.ofMinutes(60));
		publicationMails.run();
		clock.advance(Duration.ofDays(1));
		publicationMails.run();
		mailbox.awaitMail(household.email(), before + 2);
		assertThat(mailbox.count(household.email())).isEqualTo(before + 2);
	}

	@Test
	void whenTheMemberOptsOutThenNoPublicationMailComes() {
		TestMember household = onboardedHousehold();
		TestBrowser browser = new TestBrowser(port, household.host());
		Journeys.signInWithCode(browser, mailbox, household, PASSWORD);
		browser.get("/profile");
		assertThat(browser.page().doc().select("#publicationMail").hasAttr("checked")).isTrue();
		browser.submit("/profile/publication-mail", Map.of());
		assertThat(browser.page().info()).contains("お知らせメールの設定を保存しました。");
		assertThat(browser.page().doc().select("#publicationMail").hasAttr("checked")).isFalse();
		publicationMails.run();
		int before = mailbox.count(household.email());

		data.claim(household, "00", MONTH, ClaimCategory.OUTPATIENT, "内科", 3_000, 900,
				clock.instant().plus(Duration.ofMinutes(5)));
		clock.advance(Duration.ofMinutes(10));
		publicationMails.run();

		assertThat(mailbox.count(household.email())).isEqualTo(before);
	}

	private static final String PASSWORD = "Publication-Mail-9";

	private TestMember onboardedHousehold() {
		TestMember household = members.newHousehold("sakura");
		Journeys.onboard(new TestBrowser(port, household.host()), mailbox, household, PASSWORD);
		return household;
	}
}
