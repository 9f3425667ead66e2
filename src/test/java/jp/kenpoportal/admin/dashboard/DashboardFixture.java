package jp.kenpoportal.admin.dashboard;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;

import jp.kenpoportal.account.Account;
import jp.kenpoportal.account.Accounts;
import jp.kenpoportal.account.FailureOutcome;
import jp.kenpoportal.audit.AuditTrail;
import jp.kenpoportal.audit.AuditType;
import jp.kenpoportal.member.Member;
import jp.kenpoportal.member.MemberDirectory;
import jp.kenpoportal.member.NewMember;
import jp.kenpoportal.member.Sex;
import jp.kenpoportal.support.MutableClock;
import jp.kenpoportal.support.TestKenpos;
import jp.kenpoportal.tenant.Kenpo;
import jp.kenpoportal.tenant.KenpoDirectory;
import jp.kenpoportal.tenant.SecondFactor;

/**
 * A kenpo of its own with a known roster, for the dashboard's figures (today is the day in Japan):
 * <pre>
 * who  記号 事業所   age        account  registered            lock          sign-ins
 * A    11   001 本社 29 (30 tomorrow) yes  today, mail code                   today ×2
 * B    11   001 本社 30 (today)   yes      3 days ago, app                    today, 3 days ago
 * C    11   001 本社 45           yes      no                    temporary     (one failed, not counted)
 * D    22   002 工場 55           yes      10 days ago, passkey  by the kenpo
 * E    22   none     65           no
 * F    22   002 工場 40, lost qualification yesterday; registered 20 days ago (the timeline counts it, the roster not)
 * A's spouse (枝番 01) and G (insured from tomorrow) are not counted either.
 * </pre>
 * C's name has 𠮷 (not in MS932) and E's starts with = (a formula, for the CSV).
 */
public final class DashboardFixture {

	static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

	static final String[] HEAD_OFFICE = { "001", "さくら電機本社" };

	static final String[] FACTORY = { "002", "さくら電機工場" };

	public final Kenpo kenpo;

	public final LocalDate today;

	private final MemberDirectory members;

	private final Accounts accounts;

	private final AuditTrail audit;

	private final MutableClock clock;

	private int number;

	public DashboardFixture(KenpoDirectory kenpos, MemberDirectory members, Accounts accounts, AuditTrail audit,
			MutableClock clock) {
		this.members = members;
		this.accounts = accounts;
		this.audit = audit;
		this.clock = clock;
		this.kenpo = TestKenpos.allFactors(kenpos);
		this.today = LocalDate.ofInstant(clock.instant(), JAPAN);
	}

	/** The roster in the table above. */
	public DashboardFixture known() {
		Account a = account(insuredAt(HEAD_OFFICE, "11", "青木 明", "アオキ アキラ", today.minusYears(30).plusDays(1), null));
		Account b = account(insuredAt(HEAD_OFFICE, "11", "馬場 文", "ババ アヤ", today.minusYears(30), null));
		Account c = account(insuredAt(HEAD_OFFICE, "11", "𠮷田 千春", "ヨシダ チハル", today.minusYears(45), null));
		Account d = account(insuredAt(FACTORY, "22", "土屋 大地", "ツチヤ ダイチ", today.minusYears(55), null));
		insured("22", "=HYPERLINK(\"http://x\")", "エノモト, エミ", today.minusYears(65), null);
		Account f = account(insuredAt(FACTORY, "22", "藤井 文夫", "フジイ フミオ", today.minusYears(40), today.minusDays(1)));
		Member aInsured = members.find(kenpo.id(), a.memberId()).orElseThrow();
		members.register(kenpo.id(), new NewMember("11", aInsured.number(), "01", "青木 花", "アオキ ハナ",
				today.minusYears(28), Sex.FEMALE, "妻", LocalDate.of(2020, 4, 1), null));
		members.register(kenpo.id(), new NewMember("22", next(), "00", "後藤 源", "ゴトウ ゲン", today.minusYears(33),
				Sex.MALE, "本人", today.plusDays(1), null));

		registerAt(a, SecondFactor.EMAIL_CODE, 0);
		registerAt(b, SecondFactor.TOTP, 3);
		registerAt(d, SecondFactor.PASSKEY, 10);
		registerAt(f, SecondFactor.EMAIL_CODE, 20);
		signInAt(a, 0);
		signInAt(a, 0);
		signInAt(b, 0);
		signInAt(b, 3);
		audit.record(kenpo.id(), c.id(), AuditType.SIGN_IN_FAILED, null);
		while (accounts.registerFailure(kenpo.id(), c.id()) != FailureOutcome.LOCKED_TEMPORARILY) {
			// wrong passwords until the first temporary lock
		}
		while (accounts.registerFailure(kenpo.id(), d.id()) != FailureOutcome.LOCKED_UNTIL_KENPO_UNLOCKS) {
			// wrong passwords until only the kenpo unlocks
		}
		return this;
	}

	Member insured(String symbol, String name, String kana, LocalDate birthDate, LocalDate lostOn) {
		return members.register(kenpo.id(), row(symbol, name, kana, birthDate, lostOn));
	}

	/** An insured person at the 事業所 {code, name}. */
	Member insuredAt(String[] employer, String symbol, String name, String kana, LocalDate birthDate, LocalDate lostOn) {
		return members.register(kenpo.id(),
				row(symbol, name, kana, birthDate, lostOn).atEmployer(employer[0], employer[1]));
	}

	private NewMember row(String symbol, String name, String kana, LocalDate birthDate, LocalDate lostOn) {
		return new NewMember(symbol, next(), "00", name, kana, birthDate, Sex.MALE, "本人", LocalDate.of(2020, 4, 1),
				lostOn);
	}

	Account account(Member member) {
		return accounts.open(kenpo.id(), member.id(), "m" + member.symbol() + member.number() + "x", false,
				"Initial-Pass-1", null);
	}

	/** Finishes the first registration some days ago (at this time of day). */
	void registerAt(Account account, SecondFactor factor, int daysAgo) {
		clock.advance(Duration.ofDays(-daysAgo));
		try {
			accounts.completeOnboarding(kenpo.id(), account.id(), factor);
		}
		finally {
			clock.reset();
		}
	}

	void signInAt(Account account, int daysAgo) {
		clock.advance(Duration.ofDays(-daysAgo));
		try {
			audit.record(kenpo.id(), account.id(), AuditType.SIGN_IN_SECOND_FACTOR_ACCEPTED, "TOTP");
		}
		finally {
			clock.reset();
		}
	}

	private String next() {
		return String.format("%04d", ++number);
	}
}
