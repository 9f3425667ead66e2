package jp.kenpoportal.support;

import java.time.LocalDate;
import java.util.List;
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

	/** A member who has never signed in, born on the given day, with the kenpo's 負担割合. */
	public TestMember newMember(String kenpoCode, LocalDate birthDate, int burdenRatio) {
		return create(kenpoCode, false, null, birthDate, burdenRatio, null, null);
	}

	/** A member who has never signed in, at the given 事業所. */
	public TestMember newMemberAt(String kenpoCode, String employerCode, String employerName) {
		return create(kenpoCode, false, null, null, 3, employerCode, employerName);
	}

	/** A member with a temporary user ID and temporary password (seed 002). */
	public TestMember newTemporaryMember(String kenpoCode, String temporaryPassword) {
		return create(kenpoCode, true, temporaryPassword);
	}

	/**
	 * A household of three: the insured (枝番 00), a spouse (01, born 1982) and a child (02,
	 * born four years ago, so in the 2割 age), the insured with a fresh account; the roster
	 * carries the kenpo's 負担割合 (3割, 3割, 2割).
	 */
	public TestMember newHousehold(String kenpoCode) {
		TestMember insured = create(kenpoCode, false, null);
		Member spouse = members.register(insured.kenpo().id(), new NewMember(insured.member().symbol(),
				insured.member().number(), "01", "試験 花子", "シケン ハナコ", LocalDate.of(1982, 3, 3), Sex.FEMALE, "妻",
				LocalDate.of(2020, 4, 1), null, 3, false));
		LocalDate childBirth = LocalDate.now().minusYears(4).withDayOfMonth(15);
		Member child = members.register(insured.kenpo().id(), new NewMember(insured.member().symbol(),
				insured.member().number(), "02", "試験 陽太", "シケン ヨウタ", childBirth, Sex.MALE, "子", childBirth, null, 2,
				false));
		return new TestMember(insured.kenpo(), insured.member(), insured.accountId(), insured.loginId(),
				insured.initialPassword(), insured.birthDate(), insured.email(), List.of(insured.member(), spouse, child));
	}

	/**
	 * The household with one more dependant (3割), hidden from it or not (世帯閲覧 opt-out, as
	 * the kenpo records it on the roster).
	 */
	public TestMember withDependant(TestMember household, String branch, String name, LocalDate birthDate,
			boolean hidden) {
		Member dependant = members.register(household.kenpo().id(), new NewMember(household.member().symbol(),
				household.member().number(), branch, name, "シケン", birthDate, Sex.FEMALE, "子",
				LocalDate.of(2020, 4, 1), null, 3, hidden));
		List<Member> people = new java.util.ArrayList<>(household.household());
		people.add(dependant);
		return new TestMember(household.kenpo(), household.member(), household.accountId(), household.loginId(),
				household.initialPassword(), household.birthDate(), household.email(), people);
	}

	private TestMember create(String kenpoCode, boolean temporary, String temporaryPassword) {
		return create(kenpoCode, temporary, temporaryPassword, null, 3, null, null);
	}

	private TestMember create(String kenpoCode, boolean temporary, String temporaryPassword, LocalDate born,
			int burdenRatio, String employerCode, String employerName) {
		Kenpo kenpo = kenpos.findByCode(kenpoCode).orElseThrow();
		int n = SEQUENCE.incrementAndGet();
		String symbol = "9".repeat(kenpo.symbolDigits());
		String number = String.format("%0" + kenpo.numberDigits() + "d", n);
		LocalDate birthDate = born != null ? born : LocalDate.of(1970 + n % 30, 1 + n % 12, 1 + n % 28);
		Member member = members.register(kenpo.id(), new NewMember(symbol, number, "00", "試験 太郎" + n,
				"シケン タロウ", birthDate, Sex.MALE, "本人", LocalDate.of(2020, 4, 1), null, burdenRatio, false, employerCode, employerName));
		String loginId = (temporary ? "tmp" : "user") + n + "x";
		String password = temporaryPassword != null ? temporaryPassword
				: symbol + number + birthDate.toString().replace("-", "");
		String email = "member" + n + "@example.com";
		Account account = accounts.open(kenpo.id(), member.id(), loginId, temporary, password, email);
		return new TestMember(kenpo, member, account.id(), loginId, password, birthDate, email, List.of(member));
	}

	/** What a test needs to know of a member. */
	public record TestMember(Kenpo kenpo, Member member, long accountId, String loginId, String initialPassword,
			LocalDate birthDate, String email, List<Member> household) {

		/** The household member with this 枝番. */
		public Member person(String branch) {
			return household.stream().filter(m -> m.branch().equals(branch)).findFirst().orElseThrow();
		}

		public String birthDateDigits() {
			return birthDate.toString().replace("-", "");
		}

		public String host() {
			return kenpo.host();
		}
	}
}
