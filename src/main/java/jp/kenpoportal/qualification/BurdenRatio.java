package jp.kenpoportal.qualification;

import java.time.LocalDate;
import java.time.MonthDay;

import jp.kenpoportal.member.Member;

/**
 * 負担割合 (the share of medical costs paid at the counter) by age, as 健康保険法 sets it:
 * 2割 before school age (until the 31 March after the 6th birthday), 3割 from then on, 2割
 * from the month after the 70th birthday (the month of it, for a birthday on the 1st) unless
 * the insured has 現役並み income: then 3割 for them and their dependants of 70–74. Income is
 * the kenpo's to know, so the ratio shown is always the kenpo's (the roster's); this rule only
 * checks that it is plausible.
 */
final class BurdenRatio {

	private BurdenRatio() {
	}

	/** The share in tenths (2 or 3) the age alone gives on the given day. */
	static int tenths(Member person, LocalDate on) {
		LocalDate birth = person.birthDate();
		if (on.isBefore(schoolAge(birth))) {
			return 2;
		}
		return on.isBefore(seventy(birth)) ? 3 : 2;
	}

	/**
	 * Whether the kenpo's ratio can be right for the person's age on the day: the age rule's
	 * share, or 3割 from 70 on (現役並み所得者).
	 */
	static boolean plausible(int decided, Member person, LocalDate on) {
		int byAge = tenths(person, on);
		return decided == byAge || decided == 3 && !on.isBefore(seventy(person.birthDate()));
	}

	/** The 1 April after the 6th birthday: from then on a child pays as an adult. */
	private static LocalDate schoolAge(LocalDate birth) {
		LocalDate sixth = birth.plusYears(6);
		LocalDate april = sixth.withMonth(4).withDayOfMonth(1);
		// a birthday on 1 April counts as the day before (年齢計算ニ関スル法律): school starts that April
		boolean byApril = MonthDay.from(sixth).isBefore(MonthDay.of(4, 2));
		return byApril ? april : april.plusYears(1);
	}

	/** The first day the 70-year-old share applies. */
	private static LocalDate seventy(LocalDate birth) {
		LocalDate seventieth = birth.plusYears(70);
		return seventieth.getDayOfMonth() == 1 ? seventieth : seventieth.withDayOfMonth(1).plusMonths(1);
	}
}
