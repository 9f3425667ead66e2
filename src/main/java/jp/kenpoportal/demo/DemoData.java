package jp.kenpoportal.demo;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jp.kenpoportal.member.NewMember;
import jp.kenpoportal.member.QualificationKind;
import jp.kenpoportal.member.Sex;
import jp.kenpoportal.tenant.CharacterClass;
import jp.kenpoportal.tenant.NewKenpo;
import jp.kenpoportal.tenant.PasswordRules;
import jp.kenpoportal.tenant.SecondFactor;

/**
 * The four fictional demo kenpo and their members, each kenpo showing one difference the
 * seed manuals describe. The README lists the accounts.
 */
final class DemoData {

	/** Seed 001's allowed symbols (利用可能文字). */
	static final String SEED_SYMBOLS = "!\"#%&'()*=~/`{+}<>?-^¥@[:;],.";

	static final List<String> ALL_SERVICES = List.of("medical", "benefit", "qualification", "flu");

	private static final java.time.Instant DEADLINE = OffsetDateTime.of(2027, 12, 31, 23, 59, 59, 0,
			ZoneOffset.ofHours(9)).toInstant();

	/** The 事業所 of each demo household (by its user ID): さくら and あおば have two, to target one. */
	private static final java.util.Map<String, String[]> EMPLOYERS = java.util.Map.of(
			"yamada.taro", new String[] { "001", "さくら電機 本社" },
			"sato.kenji", new String[] { "002", "さくら電機 横浜工場" },
			"suzuki.ichiro", new String[] { "101", "あおば食品 本社" },
			"k7mq2x9wpa", new String[] { "102", "あおば食品 仙台工場" },
			"tanaka.hiro", new String[] { "201", "かえで化学 本社" },
			"ito.naoko", new String[] { "301", "つばき広告 本社" });

	private DemoData() {
	}

	record DemoKenpo(NewKenpo kenpo, List<DemoHousehold> households) {
	}

	record DemoHousehold(List<NewMember> members, String loginId, boolean temporaryLoginId, String initialPassword,
			String email) {
	}

	static List<DemoKenpo> all() {
		return List.of(sakura(), aoba(), kaede(), tsubaki());
	}

	/**
	 * Months a member keeps signing in after the insured's 資格喪失日: さくら keeps the two years of
	 * data readable (as some kenpo do), the others end access on that day.
	 */
	static int accessMonthsAfterLoss(String kenpoCode) {
		return "sakura".equals(kenpoCode) ? 24 : 0;
	}

	/** 記号 2 + 番号 4; all factors, the mail code recommended; 8–64 of seed 001's characters. */
	static DemoKenpo sakura() {
		return new DemoKenpo(new NewKenpo("sakura", "sakura.localhost", "さくら電機健康保険組合", "06130454",
				"kenpo@sakura-denki.example", "03-0000-1001", 2, 4, DEADLINE, EnumSet.allOf(SecondFactor.class),
				SecondFactor.EMAIL_CODE, new PasswordRules(8, 64, SEED_SYMBOLS, Set.of()), ALL_SERVICES),
				List.of(household("10", "1234", "yamada.taro", false, null, "taro.yamada@example.com",
						insured("山田 太郎", "ヤマダ タロウ", "1979-08-22", Sex.MALE),
						dependent("01", "山田 花子", "ヤマダ ハナコ", "1981-03-15", Sex.FEMALE, "妻"),
						dependent("02", "山田 一郎", "ヤマダ イチロウ", "2012-06-01", Sex.MALE, "子"),
						hiddenDependent("03", "山田 彩花", "ヤマダ アヤカ", "2004-09-18", Sex.FEMALE, "子")),
						// 72 and still working with 現役並み income: the kenpo decided 3割 for him and for
						// his wife of 71, who follows him (the age alone would give both 2割)
						household("10", "3456", "kimura.t", false, null, "tadashi.kimura@example.com",
								insured("木村 正", "キムラ タダシ", "1954-06-20", Sex.MALE),
								dependent("01", "木村 和子", "キムラ カズコ", "1955-11-03", Sex.FEMALE, "妻")),
						household("10", "2345", "sato.kenji", false, null, null,
								insured("佐藤 健二", "サトウ ケンジ", "1985-04-03", Sex.MALE))));
	}

	/** 記号 3 + 番号 4; passkey and mail code only; letters and digits; temporary IDs (seed 002). */
	static DemoKenpo aoba() {
		return new DemoKenpo(new NewKenpo("aoba", "aoba.localhost", "あおば食品健康保険組合", "06271183",
				"kenpo@aoba-foods.example", null, 3, 4, DEADLINE, EnumSet.of(SecondFactor.PASSKEY, SecondFactor.EMAIL_CODE),
				SecondFactor.EMAIL_CODE,
				new PasswordRules(8, 64, SEED_SYMBOLS, Set.of(CharacterClass.LETTER, CharacterClass.DIGIT)),
				ALL_SERVICES),
				List.of(household("101", "0001", "suzuki.ichiro", false, null, "ichiro.suzuki@example.com",
						insured("鈴木 一郎", "スズキ イチロウ", "1975-11-30", Sex.MALE),
						dependent("01", "鈴木 恵子", "スズキ ケイコ", "1977-02-14", Sex.FEMALE, "妻")),
						household("101", "0002", "k7mq2x9wpa", true, "Aoba2026start", null,
								insured("高橋 美咲", "タカハシ ミサキ", "1998-07-07", Sex.FEMALE),
								preschoolChild("01", "高橋 陽向", "タカハシ ヒナタ", "2025-10-12", Sex.MALE)),
						// 任意継続: left あおば食品 and kept the kenpo, so no 事業所; the flu subsidy that
						// あおば pays through employers goes to her own account (issue 12)
						continued(household("101", "0003", "nakamura.m", false, null, "megumi.nakamura@example.com",
								insured("中村 恵", "ナカムラ メグミ", "1966-02-11", Sex.FEMALE),
								dependent("01", "中村 悠", "ナカムラ ユウ", "2016-09-09", Sex.MALE, "子")))));
	}

	/** 記号 2 + 番号 5; all three factors (seed 003). */
	static DemoKenpo kaede() {
		return new DemoKenpo(new NewKenpo("kaede", "kaede.localhost", "かえで化学健康保険組合", "06132906",
				"kenpo@kaede-chem.example", "06-0000-2002", 2, 5, DEADLINE, EnumSet.allOf(SecondFactor.class),
				SecondFactor.PASSKEY,
				new PasswordRules(8, 64, SEED_SYMBOLS, Set.of(CharacterClass.LETTER, CharacterClass.DIGIT)),
				List.of("medical", "benefit", "qualification")),
				List.of(household("20", "12345", "tanaka.hiro", false, null, "hiroshi.tanaka@example.com",
						insured("田中 浩", "タナカ ヒロシ", "1968-01-09", Sex.MALE),
						dependent("01", "田中 由美", "タナカ ユミ", "1970-10-10", Sex.FEMALE, "妻"))));
	}

	/** 記号 2 + 番号 7; upper case, lower case, digit and symbol required (seed 004). */
	static DemoKenpo tsubaki() {
		return new DemoKenpo(new NewKenpo("tsubaki", "tsubaki.localhost", "つばき広告健康保険組合", "06137111",
				"kenpo@tsubaki-ad.example", null, 2, 7, DEADLINE, EnumSet.allOf(SecondFactor.class),
				SecondFactor.EMAIL_CODE, new PasswordRules(8, 64, SEED_SYMBOLS, Set.of(CharacterClass.UPPER,
						CharacterClass.LOWER, CharacterClass.DIGIT, CharacterClass.SYMBOL)),
				ALL_SERVICES),
				List.of(household("12", "3456789", "ito.naoko", false, null, "naoko.ito@example.com",
						insured("伊藤 直子", "イトウ ナオコ", "1980-12-01", Sex.FEMALE),
						dependent("01", "伊藤 蓮", "イトウ レン", "2015-05-05", Sex.MALE, "子"))));
	}

	private static DemoHousehold household(String symbol, String number, String loginId, boolean temporary,
			String temporaryPassword, String email, Person... people) {
		// kimura.t has no 事業所 on purpose: the dashboard shows them under 事業所未登録
		String[] employer = EMPLOYERS.getOrDefault(loginId, new String[2]);
		List<NewMember> members = java.util.Arrays.stream(people)
			.map(p -> new NewMember(symbol, number, p.branch, p.name, p.kana, LocalDate.parse(p.birthDate), p.sex,
					p.relationship, acquiredOn(LocalDate.parse(p.birthDate)), null, p.burdenRatio, p.hidden).atEmployer(employer[0], employer[1]))
			.toList();
		String initial = temporaryPassword != null ? temporaryPassword
				: symbol + number + people[0].birthDate.replace("-", "");
		return new DemoHousehold(members, loginId, temporary, initial, email);
	}

	/** The household as 任意継続 (資格区分 on every row of it, as the roster carries it). */
	private static DemoHousehold continued(DemoHousehold h) {
		return new DemoHousehold(h.members().stream().map(m -> m.as(QualificationKind.CONTINUED)).toList(), h.loginId(),
				h.temporaryLoginId(), h.initialPassword(), h.email());
	}

	/** Everyone joined the kenpo in April 2018, or at birth if born later. */
	private static LocalDate acquiredOn(LocalDate birthDate) {
		LocalDate joined = LocalDate.of(2018, 4, 1);
		return birthDate.isAfter(joined) ? birthDate : joined;
	}

	/*
	 * 負担割合 is the kenpo's decision, delivered with the roster: the demo kenpo sets it here for
	 * each person (3割 unless said otherwise).
	 */

	private static Person insured(String name, String kana, String birthDate, Sex sex) {
		return new Person("00", name, kana, birthDate, sex, "本人", 3, false);
	}

	private static Person dependent(String branch, String name, String kana, String birthDate, Sex sex,
			String relationship) {
		return new Person(branch, name, kana, birthDate, sex, relationship, 3, false);
	}

	/** A child before school age: 2割. */
	private static Person preschoolChild(String branch, String name, String kana, String birthDate, Sex sex) {
		return new Person(branch, name, kana, birthDate, sex, "子", 2, false);
	}

	/** A dependant who asked the kenpo to keep their data from the household (世帯閲覧 opt-out). */
	private static Person hiddenDependent(String branch, String name, String kana, String birthDate, Sex sex,
			String relationship) {
		return new Person(branch, name, kana, birthDate, sex, relationship, 3, true);
	}

	private record Person(String branch, String name, String kana, String birthDate, Sex sex, String relationship,
			int burdenRatio, boolean hidden) {
	}
}
