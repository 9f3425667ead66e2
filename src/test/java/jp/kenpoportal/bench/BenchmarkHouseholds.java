package jp.kenpoportal.bench;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import jp.kenpoportal.benefit.BenefitDecisions;
import jp.kenpoportal.benefit.BenefitKind;
import jp.kenpoportal.benefit.NewDecision;
import jp.kenpoportal.benefit.Payee;
import jp.kenpoportal.medical.ClaimCategory;
import jp.kenpoportal.medical.MedicalExpenses;
import jp.kenpoportal.medical.NewClaim;
import jp.kenpoportal.member.Member;
import jp.kenpoportal.member.MemberDirectory;
import jp.kenpoportal.member.NewMember;
import jp.kenpoportal.member.Sex;
import jp.kenpoportal.tenant.Kenpo;

/**
 * Households for the page-view benchmark, recorded through the modules' public APIs and shaped like the demo
 * data ({@code demo/DemoServiceData}): the insured with a spouse and children, 27 months of claim lines up to
 * last month (医科外来 with 調剤, 歯科, one stay in hospital with its 高額療養費 and 付加金, 訪問看護 after it
 * for an older patient), each published on the 20th two months after the treatment, so the newest months are
 * not out yet. Seeded random per household: the same households every run.
 */
final class BenchmarkHouseholds {

	static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

	private static final int MONTHS = 27;

	private static final long HIGH_COST_BASE = 80_100;

	private static final long ADDITIONAL_BENEFIT_THRESHOLD = 25_000;

	private static final String[] SURNAMES = { "佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村", "小林", "加藤" };

	private static final String[] MEN = { "一郎", "健太", "大輔", "翔太", "拓也" };

	private static final String[] WOMEN = { "花子", "美咲", "陽子", "愛", "由美" };

	private static final String[] CHILDREN = { "陽太", "結衣", "蓮", "葵", "湊" };

	private static final String CLINIC = "桜台内科クリニック";

	private static final String PEDIATRICS = "桜台こどもクリニック";

	private static final String PHARMACY = "ひまわり薬局 桜台店";

	private static final String DENTIST = "桜台歯科医院";

	private static final String HOSPITAL = "医療法人社団 桜台総合病院";

	private static final String NURSING = "桜台訪問看護ステーション";

	private final MemberDirectory members;

	private final MedicalExpenses medical;

	private final BenefitDecisions benefits;

	private final Kenpo kenpo;

	private final YearMonth first;

	private final YearMonth last;

	int claims;

	int decisions;

	BenchmarkHouseholds(MemberDirectory members, MedicalExpenses medical, BenefitDecisions benefits, Kenpo kenpo,
			Instant now) {
		this.members = members;
		this.medical = medical;
		this.benefits = benefits;
		this.kenpo = kenpo;
		this.last = YearMonth.from(now.atZone(JAPAN)).minusMonths(1);
		this.first = last.minusMonths(MONTHS - 1);
	}

	/** The calendar year the benchmark's 医療費 page shows: last year, published in full or nearly so. */
	int viewedYear() {
		return last.getYear() - 1;
	}

	/**
	 * Household number {@code i}: 記号 70–79 and a 4-digit 番号 (sakura's format; none of them a demo or a
	 * sign-in benchmark household), the insured and one to four dependents, with their claims and benefits.
	 * Returns the household, the insured first.
	 */
	List<Member> create(int i) {
		Random random = new Random(0x5EED_0000L + i);
		String symbol = Integer.toString(70 + i / 10_000);
		String number = String.format(Locale.ROOT, "%04d", i % 10_000);
		String surname = SURNAMES[i % SURNAMES.length];
		boolean insuredMale = random.nextDouble() < 0.7;
		LocalDate insuredBirth = LocalDate.of(last.getYear() - 32 - random.nextInt(26), 1 + random.nextInt(12),
				1 + random.nextInt(28));
		LocalDate acquired = LocalDate.of(2015 + random.nextInt(6), 4, 1);
		List<Member> people = new ArrayList<>();
		people.add(members.register(kenpo.id(), new NewMember(symbol, number, "00",
				surname + " " + (insuredMale ? MEN : WOMEN)[random.nextInt(5)] + i, "フカ シケン", insuredBirth,
				insuredMale ? Sex.MALE : Sex.FEMALE, "本人", acquired, null)));
		int branch = 1;
		if (random.nextDouble() < 0.8) {
			LocalDate birth = insuredBirth.plusDays(random.nextInt(2000) - 1000);
			people.add(members.register(kenpo.id(), new NewMember(symbol, number, "%02d".formatted(branch++),
					surname + " " + (insuredMale ? WOMEN : MEN)[random.nextInt(5)], "フカ ハイグウシャ", birth,
					insuredMale ? Sex.FEMALE : Sex.MALE, insuredMale ? "妻" : "夫", acquired, null)));
		}
		int children = branch == 1 ? 1 + random.nextInt(3) : random.nextInt(4);
		for (int c = 0; c < children; c++) {
			LocalDate birth = last.atDay(1).minusYears(1 + random.nextInt(17)).minusDays(random.nextInt(365));
			people.add(members.register(kenpo.id(), new NewMember(symbol, number, "%02d".formatted(branch++),
					surname + " " + CHILDREN[random.nextInt(5)], "フカ コドモ", birth, random.nextBoolean() ? Sex.MALE
							: Sex.FEMALE, "子", birth.isAfter(acquired) ? birth : acquired, null)));
		}
		for (Member person : people) {
			for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
				if (covered(person, month)) {
					routineCare(person, month, random);
				}
			}
		}
		hospitalStay(people, symbol + number, random);
		return people;
	}

	private void routineCare(Member person, YearMonth month, Random random) {
		int age = age(person, month);
		double visitChance = age < 7 ? 0.55 : age >= 50 ? 0.55 : 0.4;
		if (random.nextDouble() < visitChance) {
			claim(person, month, ClaimCategory.OUTPATIENT, age < 15 ? PEDIATRICS : CLINIC, 1 + random.nextInt(3),
					yen(random, 2_500, 16_000));
			if (random.nextDouble() < 0.7) {
				claim(person, month, ClaimCategory.PHARMACY, PHARMACY, 1 + random.nextInt(2), yen(random, 1_200, 9_000));
			}
		}
		if (age >= 3 && random.nextDouble() < 0.12) {
			claim(person, month, ClaimCategory.DENTAL, DENTIST, 1 + random.nextInt(4), yen(random, 3_000, 15_000));
		}
	}

	/** One stay in hospital about a year back, its 高額療養費 and 付加金, and 訪問看護 after it from 50 on. */
	private void hospitalStay(List<Member> people, String household, Random random) {
		List<Member> adults = people.stream().filter(m -> age(m, last) >= 18).toList();
		Member patient = adults.get(random.nextInt(adults.size()));
		YearMonth month = last.minusMonths(10 + random.nextInt(4));
		if (!covered(patient, month)) {
			return;
		}
		long total = yen(random, 420_000, 880_000);
		long paid = claim(patient, month, ClaimCategory.INPATIENT, HOSPITAL, 6 + random.nextInt(8), total);
		long limit = HIGH_COST_BASE + Math.max(0, (total - 267_000) / 100);
		if (paid > limit) {
			decision(patient, household, BenefitKind.HIGH_COST, month, paid - limit, random);
			decision(patient, household, patient.insured() ? BenefitKind.COPAY_REFUND : BenefitKind.FAMILY_ADDITIONAL,
					month, (limit - ADDITIONAL_BENEFIT_THRESHOLD) / 100 * 100, random);
		}
		if (age(patient, month) >= 50) {
			for (int i = 1; i <= 3 && !month.plusMonths(i).isAfter(last); i++) {
				claim(patient, month.plusMonths(i), ClaimCategory.HOME_NURSING, NURSING, 4 + random.nextInt(5),
						yen(random, 32_000, 58_000));
			}
		}
	}

	private long claim(Member person, YearMonth month, ClaimCategory category, String provider, int days, long total) {
		int tenths = month.isBefore(YearMonth.from(person.birthDate().plusYears(6))) ? 2 : 3;
		long share = Math.round(total * tenths / 100.0) * 10;
		medical.record(kenpo.id(), person.id(), new NewClaim(month, category, provider, days, total, total - share,
				share, month.plusMonths(2).atDay(20).atStartOfDay(JAPAN).toInstant()));
		claims++;
		return share;
	}

	private void decision(Member person, String household, BenefitKind kind, YearMonth month, long amount,
			Random random) {
		LocalDate decided = month.plusMonths(3).atDay(10 + random.nextInt(10));
		benefits.record(kenpo.id(), person.id(),
				new NewDecision("B%s-%s-%d".formatted(decided.getYear(), household, ++decisions), kind, month, null,
						null, HOSPITAL, decided, amount, decided.plusDays(14), Payee.MEMBER_ACCOUNT, "さくら銀行 本店営業部",
						"%04d".formatted(random.nextInt(10_000)),
						decided.atTime(LocalTime.of(9, 0)).atZone(JAPAN).toInstant()));
	}

	private static boolean covered(Member person, YearMonth month) {
		return !month.isBefore(YearMonth.from(person.birthDate())) && !month.isBefore(YearMonth.from(person.acquiredOn()));
	}

	private static int age(Member person, YearMonth month) {
		return Period.between(person.birthDate(), month.atDay(1)).getYears();
	}

	private static long yen(Random random, int min, int max) {
		return (min + random.nextInt(max - min)) / 10 * 10L;
	}
}
