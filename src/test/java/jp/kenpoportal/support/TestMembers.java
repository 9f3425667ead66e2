package jp.kenpoportal.support;

import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import jp.kenpoportal.account.Account;
import jp.kenpoportal.account.Accounts;
import jp.kenpoportal.member.Member;
import jp.kenpoportal.member.MemberDirectory;
import jp.kenpoportal.member.NewMember;
import jp.kenpoportal.member.Sex;
import jp.kenpoportal.tenant.Kenpo;
import jp.kenpoportal.tenant.KenpoDirectory;

/** Fresh members with accounts in a demo kenpo, one per test, so tests never share state. */
public class TestMembers {

	private static final AtomicInteger SEQUENCE = new AtomicInteger(ThreadLocalRandom.current().nextInt(1000, 5000));

	private final KenpoDirectory kenpos;

	private final MemberDirectory members;

	private final Accounts accounts;

	TestMembers(KenpoDirectory kenpos, MemberDirectory members, Accounts accounts) {
		this.kenpos = kenpos;
		this.members = members;
		this.accounts = accounts;
	}

	/** A member who has never signed in: kept user ID, password 記号+番号+生年月日. */
	public TestMember newMember(String kenpoCode) {
		return create(kenpoCode, false, null);
	}

	/** A member with a temporary user ID and temporary password (seed 002). */
	public TestMember newTemporaryMember(String kenpoCode, String temporaryPassword) {
		return create(kenpoCode, true, temporaryPassword);
	}

	private TestMember create(String kenpoCode, boolean temporary, String temporaryPassword) {
		Kenpo kenpo = kenpos.findByCode(kenpoCode).orElseThrow();
		int n = SEQUENCE.incrementAndGet();
		String symbol = "9".repeat(kenpo.symbolDigits());
		String number = String.format("%0" + kenpo.numberDigits() + "d", n);
		LocalDate birthDate = LocalDate.of(1970 + n % 30, 1 + n % 12, 1 + n % 28);
		Member member = members.register(kenpo.id(), new NewMember(symbol, number, "00", "試験 太郎" + n,
				"シケン タロウ", birthDate, Sex.MALE, "本人", LocalDate.of(2020, 4, 1), null));
		String loginId = (temporary ? "tmp" : "user") + n + "x";
		String password = temporaryPassword != null ? temporaryPassword
				: symbol + number + birthDate.toString().replace("-", "");
		String email = "member" + n + "@example.com";
		Account account = accounts.open(kenpo.id(), member.id(), loginId, temporary, password, email);
		return new TestMember(kenpo, member, account.id(), loginId, password, birthDate, email);
	}

	/** What a test needs to know of a member. */
	public record TestMember(Kenpo kenpo, Member member, long accountId, String loginId, String initialPassword,
			LocalDate birthDate, String email) {

		public String birthDateDigits() {
			return birthDate.toString().replace("-", "");
		}

		public String host() {
			return kenpo.host();
		}
	}
}
