package jp.kenpoportal.medical;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jp.kenpoportal.member.Household;
import jp.kenpoportal.member.Member;

/**
 * Claim lines summed the ways the 医療費 pages show them: per month, per person, and for the
 * household (or the one person chosen).
 */
record MedicalSummary(List<MonthTotal> months, List<PersonTotal> people, Totals total) {

	/** The sums of some claim lines. */
	record Totals(int lines, long totalCost, long insurerPaid, long patientPaid) {

		static final Totals NONE = new Totals(0, 0, 0, 0);

		Totals plus(MedicalClaim c) {
			return new Totals(lines + 1, totalCost + c.totalCost(), insurerPaid + c.insurerPaid(),
					patientPaid + c.patientPaid());
		}
	}

	record MonthTotal(YearMonth month, Totals totals) {
	}

	record PersonTotal(Member person, Totals totals) {
	}

	static MedicalSummary of(List<MedicalClaim> claims, Household household) {
		Map<YearMonth, Totals> byMonth = new TreeMap<>();
		Map<Long, Totals> byPerson = new LinkedHashMap<>();
		household.members().forEach(m -> byPerson.put(m.id(), Totals.NONE));
		Totals total = Totals.NONE;
		for (MedicalClaim c : claims) {
			byMonth.merge(c.serviceMonth(), Totals.NONE.plus(c), (a, b) -> a.plus(c));
			byPerson.merge(c.memberId(), Totals.NONE.plus(c), (a, b) -> a.plus(c));
			total = total.plus(c);
		}
		List<MonthTotal> months = new ArrayList<>();
		byMonth.forEach((m, t) -> months.add(new MonthTotal(m, t)));
		List<PersonTotal> people = new ArrayList<>();
		byPerson.forEach((id, t) -> household.byId(id)
			.filter(p -> t.lines() > 0)
			.ifPresent(p -> people.add(new PersonTotal(p, t))));
		return new MedicalSummary(months, people, total);
	}

	/** The month's totals, or none. */
	Totals month(YearMonth month) {
		return months.stream().filter(m -> m.month().equals(month)).map(MonthTotal::totals).findFirst()
			.orElse(Totals.NONE);
	}
}
