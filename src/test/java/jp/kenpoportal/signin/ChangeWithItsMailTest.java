package jp.kenpoportal.signin;

import java.util.Map;

import jp.kenpoportal.account.Account;
import jp.kenpoportal.account.Accounts;
import jp.kenpoportal.audit.AuditTrail;
import jp.kenpoportal.audit.AuditType;
import jp.kenpoportal.support.Journeys;
import jp.kenpoportal.support.Mailbox;
import jp.kenpoportal.support.PortalTest;
import jp.kenpoportal.support.TestBrowser;
import jp.kenpoportal.support.TestBrowser.Page;
import jp.kenpoportal.support.TestMembers;
import jp.kenpoportal.support.TestMembers.TestMember;
import jp.kenpoportal.support.Totp;
import jp.kenpoportal.tenant.SecondFactor;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A security change, its audit record and its notice mail commit together: when the mail
 * cannot be queued (a trigger refuses it), the change does not happen either.
 */
@PortalTest
class ChangeWithItsMailTest {

	private static final String PASSWORD = "Change-And-Mail-8";

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
	JdbcTemplate jdbc;

	@Test
	void whenTheLockMailCannotBeQueuedThenTheAccountIsNotLockedAndTheFailureNotCountedEither() {
		TestMember member = members.newMember("sakura");
		Journeys.onboard(new TestBrowser(port, member.host()), mailbox, member, PASSWORD);
		for (int i = 0; i < 4; i++) {
			Journeys.signIn(new TestBrowser(port, member.host()), member.loginId(), "wrong-" + i);
		}

		try (MailRefusal refusal = refuseMailTo(member.email())) {
			Journeys.signIn(new TestBrowser(port, member.host()), member.loginId(), "wrong-4");
		}

		Account account = account(member);
		assertThat(account.failedAttempts()).isEqualTo(4);
		assertThat(account.lockedUntil()).isNull();
		assertThat(types(member)).doesNotContain(AuditType.ACCOUNT_LOCKED);

		int mails = mailbox.count(member.email());
		Journeys.signIn(new TestBrowser(port, member.host()), member.loginId(), "wrong-5");
		assertThat(account(member).lockedUntil()).isNotNull();
		assertThat(types(member)).containsOnlyOnce(AuditType.ACCOUNT_LOCKED);
		assertThat(mailbox.awaitMail(member.email(), mails + 1).text()).contains("ロック");
		accounts.unlock(member.kenpo().id(), member.accountId());
	}

	@Test
	void whenTheRenewalNoticeCannotBeQueuedThenTheOldAppSecretStays() {
		TestMember member = members.newMember("sakura");
		TestBrowser browser = new TestBrowser(port, member.host());
		Journeys.onboardWithTotp(browser, mailbox, member, PASSWORD);
		byte[] stored = storedSecret(member);
		String newSecret = browser.get("/login-method/totp/renew").doc().selectFirst(".totp-key").text().replace(" ", "");

		Page failed;
		try (MailRefusal refusal = refuseMailTo(member.email())) {
			failed = browser.submit("/login-method/totp/renew", Map.of("code", Totp.now(newSecret)));
		}

		assertThat(failed.status()).isEqualTo(500);
		assertThat(storedSecret(member)).isEqualTo(stored);
		assertThat(audit.recent(member.kenpo().id(), member.accountId(), 20)).noneMatch(
				e -> e.type() == AuditType.TOTP_ENROLLED && "renewed".equals(e.detail()));
	}

	@Test
	void whenTheSwitchNoticeCannotBeQueuedThenNeitherTheFactorNorTheAppSecretChanges() {
		TestMember member = members.newMember("sakura");
		TestBrowser browser = new TestBrowser(port, member.host());
		Journeys.onboard(browser, mailbox, member, PASSWORD);
		String secret = Journeys.startSwitch(browser, SecondFactor.TOTP).doc().selectFirst(".totp-key").text()
			.replace(" ", "");

		Page failed;
		try (MailRefusal refusal = refuseMailTo(member.email())) {
			failed = browser.submit("/login-method/switch/TOTP", Map.of("code", Totp.now(secret)));
		}

		assertThat(failed.status()).isEqualTo(500);
		assertThat(account(member).secondFactor()).isEqualTo(SecondFactor.EMAIL_CODE);
		assertThat(storedSecret(member)).isNull();
		assertThat(types(member)).doesNotContain(AuditType.SECOND_FACTOR_CHANGED);
	}

	private Account account(TestMember member) {
		return accounts.find(member.kenpo().id(), member.accountId()).orElseThrow();
	}

	private java.util.List<AuditType> types(TestMember member) {
		return audit.recent(member.kenpo().id(), member.accountId(), 50).stream().map(e -> e.type()).toList();
	}

	private byte[] storedSecret(TestMember member) {
		return jdbc.query("select secret from totp_credential where account_id = ?",
				rs -> rs.next() ? rs.getBytes(1) : null, member.accountId());
	}

	/** Makes every insert of a mail to the address fail until closed, as a full disk or a bug would. */
	private MailRefusal refuseMailTo(String address) {
		String name = "refuse_mail_" + System.nanoTime();
		jdbc.execute("create function " + name + "() returns trigger language plpgsql as $$ begin "
				+ "if new.recipient = '" + address.replace("'", "''") + "' then raise exception 'mail refused by the test'; "
				+ "end if; return new; end $$");
		jdbc.execute("create trigger " + name + " before insert on mail_outbox for each row execute function " + name
				+ "()");
		return () -> {
			jdbc.execute("drop trigger " + name + " on mail_outbox");
			jdbc.execute("drop function " + name + "()");
		};
	}

	private interface MailRefusal extends AutoCloseable {

		@Override
		void close();
	}
}
