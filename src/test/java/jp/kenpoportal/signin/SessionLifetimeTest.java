package jp.kenpoportal.signin;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.kenpoportal.support.Journeys;
import jp.kenpoportal.support.Mailbox;
import jp.kenpoportal.support.MutableClock;
import jp.kenpoportal.support.PortalTest;
import jp.kenpoportal.support.TestBrowser;
import jp.kenpoportal.support.TestMembers;
import jp.kenpoportal.support.TestMembers.TestMember;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** ログイン状態の保存 keeps a browser signed in for 30 days from the sign-in, not for ever (ASVS V7.3.2). */
@PortalTest
class SessionLifetimeTest {

	private static final String PASSWORD = "Session-Lifetime-30";

	private static final Pattern MAX_AGE = Pattern.compile("(?i)Max-Age=(\\d+)");

	private static final long THIRTY_DAYS = Duration.ofDays(30).toSeconds();

	@LocalServerPort
	int port;

	@Autowired
	TestMembers members;

	@Autowired
	Mailbox mailbox;

	@Autowired
	MutableClock clock;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	private TestMember onboardedMember() {
		TestMember member = members.newMember("sakura");
		Journeys.onboard(new TestBrowser(port, member.host()), mailbox, member, PASSWORD);
		return member;
	}

	private TestBrowser signInRemembered(TestMember member) {
		TestBrowser browser = new TestBrowser(port, member.host());
		int before = mailbox.count(member.email());
		browser.get("/login");
		browser.submit("/login", Map.of("userId", member.loginId(), "password", PASSWORD, "rememberMe", "true"));
		assertThat(maxAge(browser)).isBetween(THIRTY_DAYS - 60, THIRTY_DAYS);
		browser.submit("/mfa/email", Map.of("code", mailbox.awaitMail(member.email(), before + 1).code()));
		assertThat(browser.page().heading()).isEqualTo("ホーム");
		return browser;
	}

	@Test
	void whenRememberMeIsTickedThenTheCookieLastsThirtyDaysNotSixtyEightYears() {
		TestBrowser browser = signInRemembered(onboardedMember());

		assertThat(maxAge(browser)).isBetween(THIRTY_DAYS - 60, THIRTY_DAYS);
	}

	@Test
	void whenARememberedSessionIsUsedEveryDayThenItStillEndsThirtyDaysAfterTheSignIn() {
		TestBrowser browser = signInRemembered(onboardedMember());

		for (int day = 1; day < 30; day++) {
			clock.advance(Duration.ofDays(1));
			assertThat(browser.get("/").heading()).as("day %d", day).isEqualTo("ホーム");
		}
		clock.advance(Duration.ofDays(1));

		assertThat(browser.get("/").path()).isEqualTo("/login");
	}

	@Test
	void whenASessionWithoutRememberMeIsKeptBusyThenItEndsTwelveHoursAfterTheSignIn() {
		TestMember member = onboardedMember();
		TestBrowser browser = new TestBrowser(port, member.host());
		Journeys.signInWithCode(browser, mailbox, member, PASSWORD);

		clock.advance(Duration.ofHours(11).plusMinutes(50));
		assertThat(browser.get("/").heading()).isEqualTo("ホーム");
		clock.advance(Duration.ofMinutes(15));

		assertThat(browser.get("/").path()).isEqualTo("/login");
	}

	private static long maxAge(TestBrowser browser) {
		Matcher m = MAX_AGE.matcher(browser.rawSetCookie("KENPO_SESSION"));
		assertThat(m.find()).as(browser.rawSetCookie("KENPO_SESSION")).isTrue();
		return Long.parseLong(m.group(1));
	}
}
