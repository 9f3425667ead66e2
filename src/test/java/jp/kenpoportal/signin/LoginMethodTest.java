package jp.kenpoportal.signin;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import jp.kenpoportal.account.Account;
import jp.kenpoportal.account.Accounts;
import jp.kenpoportal.audit.AuditTrail;
import jp.kenpoportal.audit.AuditType;
import jp.kenpoportal.signin.passkey.PasskeyUserEntities;
import jp.kenpoportal.signin.passkey.Passkeys;
import jp.kenpoportal.support.Journeys;
import jp.kenpoportal.support.Mailbox;
import jp.kenpoportal.support.MutableClock;
import jp.kenpoportal.support.PortalTest;
import jp.kenpoportal.support.TestKenpos;
import jp.kenpoportal.support.TestBrowser;
import jp.kenpoportal.support.TestBrowser.Page;
import jp.kenpoportal.support.TestMembers;
import jp.kenpoportal.support.TestMembers.TestMember;
import jp.kenpoportal.support.Totp;
import jp.kenpoportal.tenant.Kenpo;
import jp.kenpoportal.tenant.KenpoDirectory;
import jp.kenpoportal.tenant.SecondFactor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.ImmutableCredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCose;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialType;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;

import static org.assertj.core.api.Assertions.assertThat;

@PortalTest
class LoginMethodTest {

	private static final String PASSWORD = "Login-Method-55";

	@LocalServerPort
	int port;

	@Autowired
	TestMembers members;

	@Autowired
	Mailbox mailbox;

	@Autowired
	Accounts accounts;

	@Autowired
	AuditTrail audit;

	@Autowired
	MutableClock clock;

	@Autowired
	KenpoDirectory kenpos;

	@Autowired
	Passkeys passkeys;

	@Autowired
	PasskeyUserEntities userEntities;

	@Autowired
	UserCredentialRepository credentials;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void whenSwitchingFromMailCodeToTheAppThenTheAppIsEnrolledFirstAndTheMemberIsTold() {
		TestMember member = members.newMember("sakura");
		TestBrowser browser = new TestBrowser(port, member.host());
		Journeys.onboard(browser, mailbox, member, PASSWORD);

		Page overview = browser.get("/login-method");
		assertThat(overview.text()).contains("現在の認証方法", "ワンタイムパスワード（OTP）メール認証");
		Page enrol = Journeys.startSwitch(browser, SecondFactor.TOTP);
		assertThat(enrol.path()).isEqualTo("/login-method/switch/TOTP");
		String secret = enrol.doc().selectFirst(".totp-key").text().replace(" ", "");
		assertThat(accounts.find(member.kenpo().id(), member.accountId()).orElseThrow().secondFactor())
			.isEqualTo(SecondFactor.EMAIL_CODE);
		int mails = mailbox.count(member.email());

		Page done = browser.submit("/login-method/switch/TOTP", Map.of("code", Totp.now(secret)));

		assertThat(done.info()).contains("認証方法を変更しました");
		assertThat(accounts.find(member.kenpo().id(), member.accountId()).orElseThrow().secondFactor())
			.isEqualTo(SecondFactor.TOTP);
		assertThat(mailbox.awaitMail(member.email(), mails + 1).text())
			.contains("アプリ認証", "に変更されました", "KenpoPortalTest/1.0");
		assertThat(audit.recent(member.kenpo().id(), member.accountId(), 3)).extracting(e -> e.type())
			.contains(AuditType.SECOND_FACTOR_CHANGED);
		TestBrowser later = new TestBrowser(port, member.host());
		assertThat(Journeys.signIn(later, member.loginId(), PASSWORD).path()).startsWith("/mfa/totp");
	}

	@Test
	void whenTheFactorWasProvedMoreThanFiveMinutesAgoThenAChangeAsksForItAgain() {
		TestMember member = members.newMember("sakura");
		TestBrowser browser = new TestBrowser(port, member.host());
		Journeys.onboard(browser, mailbox, member, PASSWORD);
		clock.advance(Duration.ofMinutes(6));
		int mails = mailbox.count(member.email());

		Page page = Journeys.startSwitch(browser, SecondFactor.TOTP);

		assertThat(page.path()).startsWith("/mfa/email");
		assertThat(page.info()).contains("もう一度認証してください");
		Page back = browser.submit("/mfa/email", Map.of("code", mailbox.awaitMail(member.email(), mails + 1).code()));
		assertThat(back.path()).startsWith("/login-method/switch/TOTP");
		assertThat(back.doc().select(".totp-key")).isEmpty();
		Page enrol = browser.submit("/login-method/switch/TOTP/start", Map.of());
		assertThat(enrol.path()).isEqualTo("/login-method/switch/TOTP");
		assertThat(enrol.doc().select(".totp-key")).hasSize(1);
	}

	@Test
	void whenTheAppIsRegisteredAgainThenOnlyTheNewSecretWorks() {
		TestMember member = members.newMember("sakura");
		TestBrowser browser = new TestBrowser(port, member.host());
		String oldSecret = Journeys.onboardWithTotp(browser, mailbox, member, PASSWORD);

		browser.get("/login-method");
		Page renew = browser.submit("/login-method/totp/renew/start", Map.of());
		assertThat(renew.path()).isEqualTo("/login-method/totp/renew");
		String newSecret = renew.doc().selectFirst(".totp-key").text().replace(" ", "");
		assertThat(newSecret).isNotEqualTo(oldSecret);
		assertThat(browser.submit("/login-method/totp/renew", Map.of("code", Totp.now(oldSecret))).error())
			.isNotEmpty();
		assertThat(browser.submit("/login-method/totp/renew", Map.of("code", Totp.now(newSecret))).info())
			.contains("再登録しました");

		clock.advance(Duration.ofSeconds(30));
		TestBrowser later = new TestBrowser(port, member.host());
		Journeys.signIn(later, member.loginId(), PASSWORD);
		assertThat(later.submit("/mfa/totp", Map.of("code", Totp.at(oldSecret, clock.instant()))).error()).isNotEmpty();
		assertThat(later.submit("/mfa/totp", Map.of("code", Totp.at(newSecret, clock.instant()))).heading())
			.isEqualTo("ホーム");
	}

	@Test
	void whenTheKenpoDoesNotAllowAFactorThenSwitchingToItIsRefused() {
		TestMember member = members.newMember("aoba");
		TestBrowser browser = new TestBrowser(port, member.host());
		Journeys.onboard(browser, mailbox, member, PASSWORD + "a");

		assertThat(browser.get("/login-method").text()).doesNotContain("アプリ認証に変更する");
		assertThat(browser.get("/login-method/switch/TOTP").path()).isEqualTo("/login-method");
		assertThat(browser.get("/login-method/switch/NOTHING").path()).isEqualTo("/login-method");
	}

	@Test
	void whenAPasswordOnlySessionTriesToRegisterAPasskeyAfterOnboardingThenItIsRefused() {
		TestMember member = members.newMember("sakura");
		Journeys.onboard(new TestBrowser(port, member.host()), mailbox, member, PASSWORD);
		TestBrowser thief = new TestBrowser(port, member.host());
		Journeys.signIn(thief, member.loginId(), PASSWORD);

		Page options = thief.postJson("/passkeys/register/options");

		assertThat(options.status()).isEqualTo(403);
	}

	@Test
	void whenTheKenpoStopsOfferingTheMailCodeThenItsMembersStillSignInWithItAndSwitchButNewcomersCannotChooseIt() {
		Kenpo kenpo = TestKenpos.allFactors(kenpos);
		TestMember member = members.newMember(kenpo.code());
		Journeys.onboard(new TestBrowser(port, member.host()), mailbox, member, PASSWORD);
		kenpos.allowFactors(kenpo.id(), EnumSet.of(SecondFactor.TOTP, SecondFactor.PASSKEY));

		TestBrowser browser = new TestBrowser(port, member.host());
		assertThat(Journeys.signInWithCode(browser, mailbox, member, PASSWORD).heading()).isEqualTo("ホーム");
		assertThat(browser.get("/login-method").info()).contains("新たに登録できなくなりました");
		String secret = Journeys.startSwitch(browser, SecondFactor.TOTP).doc().selectFirst(".totp-key").text()
			.replace(" ", "");
		assertThat(browser.submit("/login-method/switch/TOTP", Map.of("code", Totp.now(secret))).info())
			.contains("認証方法を変更しました");
		assertThat(browser.get("/login-method/switch/EMAIL_CODE").path()).isEqualTo("/login-method");

		TestMember newcomer = members.newMember(kenpo.code());
		TestBrowser newBrowser = new TestBrowser(port, newcomer.host());
		Journeys.signIn(newBrowser, newcomer.loginId(), newcomer.initialPassword());
		newBrowser.submit("/onboarding/birth-date", Map.of("birthDate", newcomer.birthDateDigits()));
		newBrowser.submit("/onboarding/terms", Map.of("decision", "agree"));
		int mails = mailbox.count(newcomer.email());
		newBrowser.submit("/onboarding/email", Map.of("email", newcomer.email()));
		Page choice = newBrowser.submit("/onboarding/email/code",
				Map.of("code", mailbox.awaitMail(newcomer.email(), mails + 1).code()));
		assertThat(choice.path()).isEqualTo("/onboarding/user-id");
		assertThat(choice.doc().select("input[name=factor]").eachAttr("value")).containsExactly("TOTP", "PASSKEY");
		Page refused = newBrowser.submit("/onboarding/user-id",
				Map.of("userId", newcomer.loginId(), "factor", "EMAIL_CODE"));
		assertThat(refused.path()).isEqualTo("/onboarding/user-id");
		assertThat(refused.error()).isNotEmpty();
	}

	@Test
	void whenTheKenpoStopsOfferingTheAppThenItsMembersStillSignInWithItCannotRegisterItAgainAndCanSwitch() {
		Kenpo kenpo = TestKenpos.allFactors(kenpos);
		TestMember member = members.newMember(kenpo.code());
		String secret = Journeys.onboardWithTotp(new TestBrowser(port, member.host()), mailbox, member, PASSWORD);
		kenpos.allowFactors(kenpo.id(), EnumSet.of(SecondFactor.EMAIL_CODE, SecondFactor.PASSKEY));
		clock.advance(Duration.ofSeconds(30));

		TestBrowser browser = new TestBrowser(port, member.host());
		assertThat(Journeys.signIn(browser, member.loginId(), PASSWORD).path()).startsWith("/mfa/totp");
		assertThat(browser.submit("/mfa/totp", Map.of("code", Totp.at(secret, clock.instant()))).heading())
			.isEqualTo("ホーム");
		Page overview = browser.get("/login-method");
		assertThat(overview.info()).contains("新たに登録できなくなりました");
		assertThat(overview.doc().select("form[action=/login-method/totp/renew/start]")).isEmpty();
		assertThat(browser.get("/login-method/totp/renew").path()).isEqualTo("/login-method");
		String csrf = overview.doc().select("meta[name=_csrf]").attr("content");
		assertThat(browser.post("/login-method/totp/renew", Map.of("_csrf", csrf, "code", "123456")).path())
			.isEqualTo("/login-method");

		int mails = mailbox.count(member.email());
		Journeys.startSwitch(browser, SecondFactor.EMAIL_CODE);
		Page done = browser.submit("/login-method/switch/EMAIL_CODE",
				Map.of("code", mailbox.awaitMail(member.email(), mails + 1).code()));

		assertThat(done.info()).contains("認証方法を変更しました");
		assertThat(accounts.find(kenpo.id(), member.accountId()).orElseThrow().secondFactor())
			.isEqualTo(SecondFactor.EMAIL_CODE);
	}

	@Test
	void whenTheSwitchPageIsOpenedThenThePasskeysAndTheFactorStayUntilItsButtonIsPressed() {
		Kenpo kenpo = TestKenpos.allFactors(kenpos);
		TestMember member = members.newMember(kenpo.code());
		TestBrowser browser = new TestBrowser(port, member.host());
		Journeys.onboard(browser, mailbox, member, PASSWORD);
		Account account = accounts.find(kenpo.id(), member.accountId()).orElseThrow();
		String leftover = leftoverPasskey(account);

		Page page = browser.get("/login-method/switch/PASSKEY");

		assertThat(page.path()).isEqualTo("/login-method/switch/PASSKEY");
		assertThat(page.doc().select("form[action=/login-method/switch/PASSKEY/start] button").text())
			.isEqualTo("変更を始める");
		assertThat(passkeys.list(account)).extracting(Passkeys.Passkey::id).containsExactly(leftover);
		assertThat(accounts.find(kenpo.id(), member.accountId()).orElseThrow().secondFactor())
			.isEqualTo(SecondFactor.EMAIL_CODE);

		// the switch cannot be finished without starting it: the leftover does not count as the new factor
		String csrf = page.doc().select("meta[name=_csrf]").attr("content");
		assertThat(browser.post("/login-method/switch/PASSKEY", Map.of("_csrf", csrf)).path())
			.isEqualTo("/login-method/switch/PASSKEY");
		// nor started without the page's CSRF token
		assertThat(browser.post("/login-method/switch/PASSKEY/start", Map.of()).status()).isEqualTo(403);
		assertThat(passkeys.list(account)).extracting(Passkeys.Passkey::id).containsExactly(leftover);
		assertThat(accounts.find(kenpo.id(), member.accountId()).orElseThrow().secondFactor())
			.isEqualTo(SecondFactor.EMAIL_CODE);

		Page started = Journeys.startSwitch(browser, SecondFactor.PASSKEY);

		assertThat(started.path()).isEqualTo("/login-method/switch/PASSKEY");
		assertThat(started.text()).contains("パスキーを登録する");
		assertThat(passkeys.list(account)).isEmpty();
		assertThat(accounts.find(kenpo.id(), member.accountId()).orElseThrow().secondFactor())
			.isEqualTo(SecondFactor.EMAIL_CODE);
	}

	@Test
	void whenTheMailCodeSwitchPageIsOpenedThenNoCodeIsSentUntilItsButtonIsPressed() {
		TestMember member = members.newMember("sakura");
		TestBrowser browser = new TestBrowser(port, member.host());
		Journeys.onboardWithTotp(browser, mailbox, member, PASSWORD);
		int mails = mailbox.count(member.email());

		Page page = browser.get("/login-method/switch/EMAIL_CODE");

		assertThat(page.doc().select("form[action=/login-method/switch/EMAIL_CODE/start]")).hasSize(1);
		assertThat(mailbox.count(member.email())).isEqualTo(mails);
		Page started = browser.submit("/login-method/switch/EMAIL_CODE/start", Map.of());
		assertThat(started.path()).isEqualTo("/login-method/switch/EMAIL_CODE");
		assertThat(mailbox.awaitMail(member.email(), mails + 1).code()).hasSize(6);
	}

	/** A passkey as an abandoned switch to passkeys leaves it: registered, never made the factor. */
	private String leftoverPasskey(Account account) {
		Bytes id = Bytes.random();
		credentials.save(ImmutableCredentialRecord.builder()
			.credentialType(PublicKeyCredentialType.PUBLIC_KEY)
			.credentialId(id)
			.userEntityUserId(userEntities.ensureHandle(account))
			.publicKey(new ImmutablePublicKeyCose(new byte[] { 1, 2, 3 }))
			.signatureCount(0)
			.uvInitialized(true)
			.transports(Set.of())
			.backupEligible(false)
			.backupState(false)
			.attestationObject(new Bytes(new byte[] { 0 }))
			.attestationClientDataJSON(new Bytes(new byte[] { 0 }))
			.created(clock.instant())
			.lastUsed(clock.instant())
			.label("やめた変更のパスキー")
			.build());
		return id.toBase64UrlString();
	}
}
