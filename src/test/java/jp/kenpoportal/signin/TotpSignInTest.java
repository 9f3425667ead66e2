package jp.kenpoportal.signin;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import jp.kenpoportal.account.Accounts;
import jp.kenpoportal.support.Journeys;
import jp.kenpoportal.support.Mailbox;
import jp.kenpoportal.support.MutableClock;
import jp.kenpoportal.support.PortalTest;
import jp.kenpoportal.support.TestBrowser;
import jp.kenpoportal.support.TestBrowser.Page;
import jp.kenpoportal.support.TestMembers;
import jp.kenpoportal.support.TestMembers.TestMember;
import jp.kenpoportal.support.Totp;
import jp.kenpoportal.tenant.SecondFactor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@PortalTest
class TotpSignInTest {

	private static final String PASSWORD = "Totp-Member-2026";

	@LocalServerPort
	int port;

	@Autowired
	TestMembers members;

	@Autowired
	Mailbox mailbox;

	@Autowired
	Accounts accounts;

	@Autowired
	MutableClock clock;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void whenTheAppIsSetUpInFirstRegistrationThenItsCodesSignIn() {
		TestMember member = members.newMember("sakura");
		String secret = Journeys.onboardWithTotp(new TestBrowser(port, member.host()), mailbox, member, PASSWORD);
		assertThat(accounts.find(member.kenpo().id(), member.accountId()).orElseThrow().secondFactor())
			.isEqualTo(SecondFactor.TOTP);

		TestBrowser browser = new TestBrowser(port, member.host());
		Page codePage = Journeys.signIn(browser, member.loginId(), PASSWORD);
		assertThat(codePage.path()).startsWith("/mfa/totp");
		clock.advance(Duration.ofSeconds(30));
		String code = Totp.at(secret, clock.instant());

		assertThat(browser.submit("/mfa/totp", Map.of("code", code.substring(0, 3) + " " + code.substring(3)))
			.heading()).isEqualTo("ホーム");
	}

	@Test
	void whenACodeIsUsedTwiceOrIsTwoStepsOldThenItIsRefused() {
		TestMember member = members.newMember("sakura");
		String secret = Journeys.onboardWithTotp(new TestBrowser(port, member.host()), mailbox, member, PASSWORD);
		clock.advance(Duration.ofSeconds(60));
		String code = Totp.at(secret, clock.instant());
		TestBrowser first = new TestBrowser(port, member.host());
		Journeys.signIn(first, member.loginId(), PASSWORD);
		assertThat(first.submit("/mfa/totp", Map.of("code", code)).heading()).isEqualTo("ホーム");

		TestBrowser second = new TestBrowser(port, member.host());
		Journeys.signIn(second, member.loginId(), PASSWORD);
		assertThat(second.submit("/mfa/totp", Map.of("code", code)).error()).contains("認証コードが正しくありません");
		Instant old = clock.instant().minusSeconds(61);
		assertThat(second.submit("/mfa/totp", Map.of("code", Totp.at(secret, old))).error()).isNotEmpty();
		Instant drift = clock.instant().plusSeconds(30);
		assertThat(second.submit("/mfa/totp", Map.of("code", Totp.at(secret, drift))).heading()).isEqualTo("ホーム");
	}

	@Test
	void whenFiveWrongCodesAreTypedThenTheAccountLocksAndTheSignInEnds() {
		TestMember member = members.newMember("sakura");
		Journeys.onboardWithTotp(new TestBrowser(port, member.host()), mailbox, member, PASSWORD);
		TestBrowser browser = new TestBrowser(port, member.host());
		Journeys.signIn(browser, member.loginId(), PASSWORD);

		Page page = null;
		for (int i = 0; i < 5; i++) {
			page = browser.submit("/mfa/totp", Map.of("code", "00000" + i));
		}

		assertThat(page.path()).startsWith("/login");
		assertThat(page.error()).contains("ロック");
		assertThat(accounts.find(member.kenpo().id(), member.accountId()).orElseThrow().failedAttempts()).isEqualTo(5);
		accounts.unlock(member.kenpo().id(), member.accountId());
	}

	@Test
	void whenWrongCodesAreSpreadOverNewPasswordSignInsThenTheyStillAddUpToALock() {
		TestMember member = members.newMember("sakura");
		Journeys.onboardWithTotp(new TestBrowser(port, member.host()), mailbox, member, PASSWORD);

		Page last = null;
		for (int signIn = 0; signIn < 3; signIn++) {
			TestBrowser browser = new TestBrowser(port, member.host());
			Journeys.signIn(browser, member.loginId(), PASSWORD);
			for (int i = 0; i < 2 && (last == null || !last.path().startsWith("/login")); i++) {
				last = browser.submit("/mfa/totp", Map.of("code", "00000" + i));
			}
		}

		assertThat(last.error()).contains("ロック");
		assertThat(accounts.find(member.kenpo().id(), member.accountId()).orElseThrow().lockedUntil()).isNotNull();
		accounts.unlock(member.kenpo().id(), member.accountId());
	}

	@Test
	void whenTheSecretIsStoredThenItIsEncrypted(@Autowired JdbcClient jdbc) {
		TestMember member = members.newMember("sakura");
		String secret = Journeys.onboardWithTotp(new TestBrowser(port, member.host()), mailbox, member, PASSWORD);

		byte[] stored = jdbc.sql("select secret from totp_credential where account_id = ?")
			.param(member.accountId())
			.query(byte[].class)
			.single();

		assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(secret);
		assertThat(stored).isNotEqualTo(jp.kenpoportal.signin.totp.Base32.decode(secret));
	}

	@Test
	void whenTheKenpoDoesNotAllowTheAppThenItIsNotOfferedAndItsPagesRefuse() {
		TestMember member = members.newMember("aoba");
		TestBrowser browser = new TestBrowser(port, member.host());
		Journeys.signIn(browser, member.loginId(), member.initialPassword());
		browser.submit("/onboarding/birth-date", Map.of("birthDate", member.birthDateDigits()));
		browser.submit("/onboarding/terms", Map.of("decision", "agree"));
		int before = mailbox.count(member.email());
		browser.submit("/onboarding/email", Map.of("email", member.email()));
		Page userId = browser.submit("/onboarding/email/code",
				Map.of("code", mailbox.awaitMail(member.email(), before + 1).code()));

		assertThat(userId.doc().select("input[name=factor]")).extracting(e -> e.attr("value"))
			.containsExactly("EMAIL_CODE", "PASSKEY");
		assertThat(browser.submit("/onboarding/user-id", Map.of("userId", member.loginId(), "factor", "TOTP")).error())
			.contains("認証方法を選択してください。");
		assertThat(browser.get("/mfa/totp").path()).isNotEqualTo("/mfa/totp");
	}
}
