package jp.kenpoportal.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;

import jp.kenpoportal.benefit.BenefitKind;
import jp.kenpoportal.medical.ClaimCategory;
import jp.kenpoportal.member.Household;
import jp.kenpoportal.member.Member;
import jp.kenpoportal.member.Sex;
import jp.kenpoportal.tenant.Kenpo;

/**
 * Realistic demo data of one household, as the lines of the kenpo's 医療費 and 給付 files
 * ({@link DemoFiles}; the seeder imports them): 27 months of claim
 * lines up to last month (医科外来 with 調剤, 歯科, one stay in hospital with its 高額療養費 and
 * 付加金, 訪問看護 after it for the older insured), each published on the 20th two months after
 * the treatment, so the newest months are not out yet; the household's other benefits; and a
 * 世帯合算 高額療養費 where two or more adults under 70 paid a lot in the same month.
 * Seeded random per household: the same every time.
 */
final class DemoServiceData {

	private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

	private static final int MONTHS = 27;

	/** 高額療養費 of a month stays with the member up to this (区分ウ: 80,100円 + 1 % over 267,000円). */
	private static final long HIGH_COST_BASE = 80_100;

	/** The demo kenpo's 付加給付: what a person paid in a month beyond this comes back. */
	private static final long ADDITIONAL_BENEFIT_THRESHOLD = 25_000;

	private final List<String> claims;

	private final List<String> decisionLines;

	private final Kenpo kenpo;

	private final Household household;

	private final Random random;

	private final YearMonth first;

	private final YearMonth last;

	private int decisions;

	/** Adds the household's lines to {@code claims} and {@code decisions} (lines of the two files). */
	DemoServiceData(List<String> claims, List<String> decisions, Kenpo kenpo, Household household, Instant now) {
		this.claims = claims;
		this.decisionLines = decisions;
		this.kenpo = kenpo;
		this.household = household;
		this.random = new Random((kenpo.code() + household.symbol() + household.number()).hashCode());
		this.last = YearMonth.from(now.atZone(JAPAN)).minusMonths(1);
		this.first = last.minusMonths(MONTHS - 1);
	}

	void seed() {
		Providers providers = Providers.of(kenpo);
		for (Member person : household.members()) {
			for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
				if (covered(person, month)) {
					routineCare(person, month, providers);
				}
			}
		}
		hospitalStay(providers);
		otherBenefits(providers);
		combinedHighCost(providers);
	}

	/** Outpatient visits with their prescriptions, and now and then the dentist. */
	private void routineCare(Member person, YearMonth month, Providers providers) {
		int age = month.getYear() - person.birthDate().getYear();
		double visitChance = age < 7 ? 0.55 : age >= 50 ? 0.55 : 0.4;
		if (random.nextDouble() < visitChance) {
			String clinic = age < 15 ? providers.pediatrics : providers.clinic;
			claim(person, month, ClaimCategory.OUTPATIENT, clinic, 1 + random.nextInt(3), yen(2_500, 16_000));
			if (random.nextDouble() < 0.7) {
				claim(person, month, ClaimCategory.PHARMACY, providers.pharmacy, 1 + random.nextInt(2), yen(1_200, 9_000));
			}
		}
		if (age >= 3 && random.nextDouble() < 0.12) {
			claim(person, month, ClaimCategory.DENTAL, providers.dentist, 1 + random.nextInt(4), yen(3_000, 15_000));
		}
	}

	/**
	 * One stay in hospital about a year back, for the insured or an adult dependent: the
	 * 高額療養費 that brings the month down to the legal limit, the kenpo's 付加金 above its
	 * threshold (一部負担還元金 for the insured, 家族療養費付加金 for family), and for a patient of
	 * 50 or more, three months of 訪問看護 afterwards.
	 */
	private void hospitalStay(Providers providers) {
		List<Member> adults = household.members().stream().filter(m -> age(m, last) >= 18).toList();
		Member patient = adults.get(random.nextInt(adults.size()));
		YearMonth month = last.minusMonths(10 + random.nextInt(4));
		if (!covered(patient, month)) {
			return;
		}
		long total = yen(420_000, 880_000);
		long paid = claim(patient, month, ClaimCategory.INPATIENT, providers.hospital, 6 + random.nextInt(8), total);
		long limit = HIGH_COST_BASE + Math.max(0, (total - 267_000) / 100);
		if (paid > limit) {
			decision(patient, BenefitKind.HIGH_COST, month, providers.hospital, paid - limit);
			long refund = (limit - ADDITIONAL_BENEFIT_THRESHOLD) / 100 * 100;
			decision(patient, patient.insured() ? BenefitKind.COPAY_REFUND : BenefitKind.FAMILY_ADDITIONAL, month,
					providers.hospital, refund);
		}
		if (age(patient, month) >= 50) {
			for (int i = 1; i <= 3 && !month.plusMonths(i).isAfter(last); i++) {
				claim(patient, month.plusMonths(i), ClaimCategory.HOME_NURSING, providers.nursing, 4 + random.nextInt(5),
						yen(32_000, 58_000));
			}
		}
	}

	/**
	 * The benefits that depend on who lives in the household: 出産 for a newborn in the data's
	 * months (the stay for a caesarean section, 出産手当金 and the 出産育児一時金 difference
	 * paid to the member, the rest paid to the clinic directly), 療養費 for a child's glasses,
	 * 傷病手当金 for an insured woman.
	 */
	private void otherBenefits(Providers providers) {
		Member insured = household.insured();
		boolean newborn = false;
		for (Member child : household.members()) {
			YearMonth born = YearMonth.from(child.birthDate());
			if (child.insured() || born.isBefore(first) || born.isAfter(last)) {
				continue;
			}
			newborn = true;
			claim(insured, born, ClaimCategory.INPATIENT, providers.maternity, 8, 248_000);
			// 直接支払制度: the kenpo paid the clinic's bill of 461,600円 and the member the 差額
			LocalDate decided = born.plusMonths(3).atDay(10 + random.nextInt(10));
			record(insured, BenefitKind.CHILDBIRTH_LUMP_SUM, born, null, null, providers.maternity, decided, 38_400,
					461_600, null, List.of());
			if (insured.sex() == Sex.FEMALE) {
				LocalDate birth = child.birthDate();
				period(insured, BenefitKind.MATERNITY_ALLOWANCE, birth.minusDays(42), birth.plusDays(56), 98L * 6_480);
			}
		}
		household.members()
			.stream()
			.filter(m -> !m.insured() && age(m, last) >= 6 && age(m, last) < 12)
			.findFirst()
			.ifPresent(child -> {
				// 治療用眼鏡: the member paid the optician 24,000円, outside the claims; 7割 comes back
				YearMonth month = last.minusMonths(7);
				record(child, BenefitKind.MEDICAL_REIMBURSEMENT, month, null, null, providers.optician,
						month.plusMonths(2).atDay(10 + random.nextInt(10)), 16_800, 0, 24_000L, List.of());
			});
		if (insured.sex() == Sex.FEMALE && !newborn) {
			LocalDate from = last.minusMonths(15).atDay(6);
			period(insured, BenefitKind.SICKNESS_ALLOWANCE, from, from.plusDays(27), 25L * 7_120);
		}
	}

	/**
	 * 世帯合算: a month about half a year back in which the adults under 70 each paid more than
	 * 21,000円 at the hospital (the insured in it, the others as outpatients); what the household
	 * paid above its limit comes back as one 高額療養費 to the insured, for all of them — also
	 * for a dependant the household does not see, whose share stays out of its tax data.
	 */
	private void combinedHighCost(Providers providers) {
		YearMonth month = last.minusMonths(5);
		List<Member> adults = household.members()
			.stream()
			.filter(m -> age(m, month) >= 18 && age(m, month) < 70 && covered(m, month))
			.toList();
		if (adults.size() < 2 || !adults.get(0).insured()) {
			return;
		}
		long total = 0;
		long paid = 0;
		for (Member person : adults) {
			long cost = yen(90_000, 200_000);
			total += cost;
			paid += claim(person, month, person.insured() ? ClaimCategory.INPATIENT : ClaimCategory.OUTPATIENT,
					providers.hospital, person.insured() ? 4 : 1, cost);
		}
		long limit = HIGH_COST_BASE + Math.max(0, (total - 267_000) / 100);
		if (paid > limit) {
			record(household.insured(), BenefitKind.HIGH_COST, month, null, null, null,
					month.plusMonths(3).atDay(10 + random.nextInt(10)), paid - limit, 0, null,
					adults.stream().map(DemoFiles::personKey).toList());
		}
	}

	private static int age(Member person, YearMonth month) {
		return java.time.Period.between(person.birthDate(), month.atDay(1)).getYears();
	}

	private long claim(Member person, YearMonth month, ClaimCategory category, String provider, int days, long total) {
		long share = Math.round(total * shareTenths(person) / 100.0) * 10;
		claims.add(DemoFiles.line(DemoFiles.personKey(person), month, label(category), provider, days, total,
				total - share, 0, share, published(month)));
		return share;
	}

	private void decision(Member person, BenefitKind kind, YearMonth month, String provider, long amount) {
		LocalDate decided = month.plusMonths(3).atDay(10 + random.nextInt(10));
		record(person, kind, month, null, null, provider, decided, amount);
	}

	private void period(Member person, BenefitKind kind, LocalDate from, LocalDate to, long amount) {
		record(person, kind, null, from, to, null, to.plusDays(25 + random.nextInt(10)), amount);
	}

	private void record(Member person, BenefitKind kind, YearMonth month, LocalDate from, LocalDate to, String provider,
			LocalDate decided, long amount) {
		record(person, kind, month, from, to, provider, decided, amount, 0, null, List.of());
	}

	private void record(Member person, BenefitKind kind, YearMonth month, LocalDate from, LocalDate to, String provider,
			LocalDate decided, long amount, long directPayment, Long cost, List<String> covered) {
		boolean toAccount = kind != BenefitKind.SICKNESS_ALLOWANCE && kind != BenefitKind.MATERNITY_ALLOWANCE;
		String number = "%s-%s%s-%03d".formatted(decided.getYear(), household.symbol(), household.number(), ++decisions);
		// published on the day of the decision (a file's 公開日 is a day: from 0:00 in Japan)
		decisionLines.add(DemoFiles.line(number, DemoFiles.personKey(person), label(kind), month, from, to, provider,
				decided, decided.plusDays(14), amount, directPayment, cost, toAccount ? "本人口座" : "事業所",
				toAccount ? "さくら銀行 本店営業部" : null, toAccount ? "%04d".formatted(random.nextInt(10_000)) : null,
				covered.isEmpty() ? null : String.join(" ", covered), decided));
	}

	/** Covered that month: born and insured by then. */
	private static boolean covered(Member person, YearMonth month) {
		return !month.isBefore(YearMonth.from(person.birthDate())) && !month.isBefore(YearMonth.from(person.acquiredOn()))
				&& (person.lostOn() == null || month.isBefore(YearMonth.from(person.lostOn())));
	}

	/** 窓口負担 in tenths: the 負担割合 the kenpo decided for the person (the demo roster sets it). */
	private static int shareTenths(Member person) {
		return person.burdenRatio() == null ? 3 : person.burdenRatio();
	}

	/** Claims of a month come out on the 20th two months later (from 0:00 in Japan). */
	private static LocalDate published(YearMonth month) {
		return month.plusMonths(2).atDay(20);
	}

	/** 区分 as the 医療費 file names it. */
	private static String label(ClaimCategory category) {
		return switch (category) {
			case INPATIENT -> "入院";
			case OUTPATIENT -> "外来";
			case DENTAL -> "歯科";
			case PHARMACY -> "調剤";
			case HOME_NURSING -> "訪問看護";
		};
	}

	/** 種別 as the 給付 file names it. */
	private static String label(BenefitKind kind) {
		return switch (kind) {
			case HIGH_COST -> "高額療養費";
			case COPAY_REFUND -> "一部負担還元金";
			case FAMILY_ADDITIONAL -> "家族療養費付加金";
			case MEDICAL_REIMBURSEMENT -> "療養費";
			case SICKNESS_ALLOWANCE -> "傷病手当金";
			case MATERNITY_ALLOWANCE -> "出産手当金";
			case CHILDBIRTH_LUMP_SUM -> "出産育児一時金";
			default -> throw new IllegalArgumentException("no demo decision of kind " + kind);
		};
	}

	/** A cost in whole tens of yen (medical fees are points of 10 yen). */
	private long yen(int min, int max) {
		return (min + random.nextInt(max - min)) / 10 * 10L;
	}

	/** The kenpo's neighbourhood: fictional clinics, named after its home town. */
	private record Providers(String clinic, String pediatrics, String pharmacy, String dentist, String hospital,
			String nursing, String maternity, String optician) {

		static Providers of(Kenpo kenpo) {
			String town = switch (kenpo.code()) {
				case "sakura" -> "桜台";
				case "aoba" -> "青葉";
				case "kaede" -> "楓が丘";
				default -> "椿町";
			};
			return new Providers(town + "内科クリニック", town + "こどもクリニック", "ひまわり薬局 " + town + "店",
					town + "歯科医院", "医療法人社団 " + town + "総合病院", town + "訪問看護ステーション",
					town + "レディースクリニック", "メガネの" + town);
		}
	}
}
