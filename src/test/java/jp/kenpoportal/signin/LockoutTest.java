package jp.kenpoportal.signin;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jp.kenpoportal.account.Accounts;
import jp.kenpoportal.audit.AuditEntry;
import jp.kenpoportal.audit.AuditTrail;
import jp.kenpoportal.audit.AuditType;
import jp.kenpoportal.support.Journeys;
import jp.kenpoportal.support.MutableClock;
import jp.kenpoportal.support.PortalTest;
import jp.kenpoportal.support.TestBrowser;
import jp.kenpoportal.support.TestBrowser.Page;
import jp.kenpoportal.support.TestMembers;
import jp.kenpoportal.support.TestMembers.TestMember;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@PortalTest
class LockoutTest {

	private static final String INVALID = "無効なユーザIDまたはパスワードです。";

	@LocalServerPort
	int port;

	@Autowired
	TestMembers members;

	@Autowired
	Accounts accounts;

	@Autowired
	AuditTrail audit;

	@Autowired
	MutableClock clock;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	private Page wrongPasswords(TestMember member, int times) {
		Page page = null;
		for (int i = 0; i < times; i++) {
			page = Journeys.signIn(new TestBrowser(port, member.host()), member.loginId(), "wrong-" + i);
		}
		return page;
	}

	@Test
	void whenFiveWrongPasswordsInARowThenEvenTheRightOneIsRefusedForFifteenMinutes() {
		TestMember member = members.newMember("sakura");

		Page fifth = wrongPasswords(member, 5);
		Page locked = Journeys.signIn(new TestBrowser(port, member.host()), member.loginId(), member.initialPassword());

		assertThat(fifth.error()).contains(INVALID);
		assertThat(locked.error()).contains(INVALID).contains("ロック")
			.contains("「パスワードを忘れた方」から再設定しても解除されます");
		List<AuditEntry> events = audit.recent(member.kenpo().id(), member.accountId(), 10);
		assertThat(events).extracting(AuditEntry::type).contains(AuditType.ACCOUNT_LOCKED);
		assertThat(events.get(0).detail()).startsWith("ALREADY_LOCKED");

		clock.advance(Duration.ofMinutes(14));
		assertThat(Journeys.signIn(new TestBrowser(port, member.host()), member.loginId(), member.initialPassword())
			.path()).isEqualTo("/login");
		clock.advance(Duration.ofMinutes(2));
		assertThat(Journeys.signIn(new TestBrowser(port, member.host()), member.loginId(), member.initialPassword())
			.path()).isEqualTo("/onboarding/birth-date");
	}

	@Test
	void whenLockedAgainThenTheWaitGrows() {
		TestMember member = members.newMember("sakura");
		wrongPasswords(member, 5);
		clock.advance(Duration.ofMinutes(16));

		wrongPasswords(member, 5);
		clock.advance(Duration.ofMinutes(16));

		assertThat(Journeys.signIn(new TestBrowser(port, member.host()), member.loginId(), member.initialPassword())
			.path()).isEqualTo("/login");
		clock.advance(Duration.ofMinutes(15));
		assertThat(Journeys.signIn(new TestBrowser(port, member.host()), member.loginId(), member.initialPassword())
			.path()).isEqualTo("/onboarding/birth-date");
	}

	@Test
	void whenTwentyWrongPasswordsThenOnlyTheKenpoCanUnlock() {
		TestMember member = members.newMember("sakura");
		for (int round = 0; round < 4; round++) {
			wrongPasswords(member, 5);
			clock.advance(Duration.ofHours(25));
		}

		assertThat(Journeys.signIn(new TestBrowser(port, member.host()), member.loginId(), member.initialPassword())
			.path()).isEqualTo("/login");
		assertThat(accounts.find(member.kenpo().id(), member.accountId()).orElseThrow().lockedByKenpoAt()).isNotNull();

		accounts.unlock(member.kenpo().id(), member.accountId());
		assertThat(Journeys.signIn(new TestBrowser(port, member.host()), member.loginId(), member.initialPassword())
			.path()).isEqualTo("/onboarding/birth-date");
		assertThat(audit.recent(member.kenpo().id(), member.accountId(), 5)).extracting(AuditEntry::type)
			.contains(AuditType.ACCOUNT_UNLOCKED_BY_KENPO);
	}

	@Test
	void whenUserIdIsUnknownThenTheAnswerIsTheSameAsForAWrongPasswordAndTakesAsLong() {
		TestMember member = members.newMember("sakura");
		List<Long> unknown = new ArrayList<>();
		List<Long> wrong = new ArrayList<>();
		String unknownText = null;
		String wrongText = null;
		for (int i = 0; i < 4; i++) {
			long t0 = System.nanoTime();
			unknownText = Journeys.signIn(new TestBrowser(port, member.host()), "nobody" + i + "x", "whatever1").error();
			unknown.add(System.nanoTime() - t0);
			long t1 = System.nanoTime();
			wrongText = Journeys.signIn(new TestBrowser(port, member.host()), member.loginId(), "whatever1").error();
			wrong.add(System.nanoTime() - t1);
			accounts.unlock(member.kenpo().id(), member.accountId());
		}

		assertThat(unknownText).isEqualTo(wrongText).contains(INVALID);
		// both pay for one Argon2id verification: the unknown ID is not visibly faster
		assertThat(median(unknown)).isGreaterThan(median(wrong) / 2);
	}

	@Test
	void whenTheTypedUserIdNamesNoAccountThenTheAuditKeepsOnlyItsKeyedHash(
			@Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc) {
		TestMember member = members.newMember("sakura");
		String typedPassword = "my-secret-pw-" + System.nanoTime();

		Journeys.signIn(new TestBrowser(port, member.host()), typedPassword, "whatever1");
		Journeys.signIn(new TestBrowser(port, member.host()), typedPassword, "whatever2");
		Journeys.signIn(new TestBrowser(port, member.host()), member.loginId(), "whatever1");

		List<String> unknown = jdbc.sql("""
				select detail from audit_event where kenpo_id = ? and type = 'SIGN_IN_FAILED' and account_id is null
				order by id desc limit 2""").param(member.kenpo().id()).query(String.class).list();
		assertThat(unknown).hasSize(2).allSatisfy(detail -> assertThat(detail).startsWith("UNKNOWN_USER unknown-id:")
			.doesNotContain(typedPassword)
			.doesNotContain("my-secret"));
		// the same typed ID gives the same hash, so repeated tries can be told apart
		assertThat(unknown.get(0)).isEqualTo(unknown.get(1));
		assertThat(audit.recent(member.kenpo().id(), member.accountId(), 1).get(0).detail())
			.isEqualTo("WRONG_PASSWORD " + member.loginId());
	}

	@Test
	void whenOneAddressFailsTooOftenThenItIsThrottledWithoutNamingAnyAccount() {
		TestMember member = members.newMember("kaede");
		String address = "192.0.2.77";
		Page page = null;
		for (int i = 0; i < 30; i++) {
			page = Journeys.signIn(new TestBrowser(port, member.host(), address), "nobody" + i + "y", "whatever1");
		}
		assertThat(page.error()).contains(INVALID);

		Page throttled = Journeys.signIn(new TestBrowser(port, member.host(), address), member.loginId(),
				member.initialPassword());
		Page elsewhere = Journeys.signIn(new TestBrowser(port, member.host(), "192.0.2.78"), member.loginId(),
				member.initialPassword());

		assertThat(throttled.path()).isEqualTo("/login");
		assertThat(throttled.error()).contains("一時的にログインを制限しています");
		assertThat(elsewhere.path()).isEqualTo("/onboarding/birth-date");
	}

	@Test
	void whenFiveWrongBirthDatesThenTheAccountLocksAndTheMemberIsSignedOut() {
		TestMember member = members.newMember("sakura");
		TestBrowser browser = new TestBrowser(port, member.host());
		Journeys.signIn(browser, member.loginId(), member.initialPassword());

		Page page = null;
		for (int i = 0; i < 5; i++) {
			page = browser.submit("/onboarding/birth-date", java.util.Map.of("birthDate", "1900010" + (i + 1)));
		}

		assertThat(page.path()).startsWith("/login");
		assertThat(page.error()).contains("ロック");
		assertThat(browser.get("/onboarding").path()).isEqualTo("/login");
	}

	private static long median(List<Long> values) {
		List<Long> sorted = values.stream().sorted().toList();
		return sorted.get(sorted.size() / 2);
	}
}
