package jp.kenpoportal.admin.flu;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

import jp.kenpoportal.benefit.Payee;
import jp.kenpoportal.flu.AmountRule;
import jp.kenpoportal.flu.FluSeason;

/** The rules form as typed (kept as typed for a page with errors), and its check. */
record FluRulesForm(String fiscalYear, String vaccinationFrom, String vaccinationUntil, String applyUntil,
		boolean insuredEligible, boolean dependentEligible, String minAge, String maxAge, String amountRule,
		String capInsured, String capDependent, String selfPay, boolean childSecondDose, boolean perHousehold,
		String payment, boolean fourEyes, String reason, boolean continuedEligible) {

	static FluRulesForm from(Map<String, String> p) {
		return new FluRulesForm(v(p, "fiscalYear"), v(p, "vaccinationFrom"), v(p, "vaccinationUntil"), v(p, "applyUntil"),
				p.containsKey("insuredEligible"), p.containsKey("dependentEligible"), v(p, "minAge"), v(p, "maxAge"),
				v(p, "amountRule"), v(p, "capInsured"), v(p, "capDependent"), v(p, "selfPay"),
				p.containsKey("childSecondDose"), p.containsKey("perHousehold"), v(p, "payment"), p.containsKey("fourEyes"),
				p.getOrDefault("reason", ""), p.containsKey("continuedEligible"));
	}

	static FluRulesForm of(FluSeason s) {
		return new FluRulesForm(Integer.toString(s.fiscalYear()), s.vaccinationFrom().toString(),
				s.vaccinationUntil().toString(), s.applyUntil().toString(), s.insuredEligible(), s.dependentEligible(),
				s.minAge() == null ? "" : s.minAge().toString(), s.maxAge() == null ? "" : s.maxAge().toString(),
				s.amountRule().name(), Integer.toString(s.capInsured()), Integer.toString(s.capDependent()),
				Integer.toString(s.selfPay()), s.childSecondDose(), s.perHousehold(), s.payment().name(), s.fourEyes(), "",
				s.continuedEligible());
	}

	/** A new season's defaults: 10/1–1/31, applications until the end of February. */
	static FluRulesForm defaults(int year) {
		return new FluRulesForm(Integer.toString(year), year + "-10-01", (year + 1) + "-01-31",
				LocalDate.of(year + 1, 3, 1).minusDays(1).toString(), true, true, "", "", "CAP", "3000", "3000", "0", false,
				false, "MEMBER_ACCOUNT", false, "", true);
	}

	Optional<FluSeason> season(long kenpoId, Map<String, String> errors) {
		Integer year = number(fiscalYear, 2000, 2100);
		if (year == null) {
			errors.put("fiscalYear", "console.flu.rules.error.fiscalYear");
		}
		LocalDate from = date(vaccinationFrom);
		LocalDate until = date(vaccinationUntil);
		LocalDate deadline = date(applyUntil);
		if (from == null || until == null || deadline == null) {
			errors.put("vaccinationFrom", "console.flu.rules.error.dates");
		}
		else if (from.isAfter(until) || until.isAfter(deadline)) {
			errors.put("vaccinationFrom", "console.flu.rules.error.order");
		}
		else if (year != null && FluSeason.fiscalYearOf(from) != year) {
			errors.put("vaccinationFrom", "console.flu.rules.error.year");
		}
		if (!insuredEligible && !dependentEligible && !continuedEligible) {
			errors.put("insuredEligible", "console.flu.rules.error.who");
		}
		Integer min = minAge.isEmpty() ? null : number(minAge, 0, 120);
		Integer max = maxAge.isEmpty() ? null : number(maxAge, 0, 120);
		if ((!minAge.isEmpty() && min == null) || (!maxAge.isEmpty() && max == null)
				|| (min != null && max != null && min > max)) {
			errors.put("minAge", "console.flu.rules.error.age");
		}
		AmountRule rule = "CAP".equals(amountRule) ? AmountRule.CAP
				: "COST_MINUS_SELF_PAY".equals(amountRule) ? AmountRule.COST_MINUS_SELF_PAY : null;
		if (rule == null) {
			errors.put("amountRule", "console.flu.rules.error.rule");
		}
		Integer capI = number(capInsured, 0, 100_000);
		Integer capD = number(capDependent, 0, 100_000);
		Integer self = number(selfPay, 0, 100_000);
		if (capI == null || capD == null || self == null) {
			errors.put("capInsured", "console.flu.rules.error.amount");
		}
		Payee payee = "MEMBER_ACCOUNT".equals(payment) ? Payee.MEMBER_ACCOUNT : "EMPLOYER".equals(payment) ? Payee.EMPLOYER : null;
		if (payee == null) {
			errors.put("payment", "console.flu.rules.error.payment");
		}
		if (ConsoleText.reason(reason) == null) {
			errors.put("reason", reason.isBlank() ? "console.flu.error.reason" : "console.flu.error.reason.invalid");
		}
		if (!errors.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(new FluSeason(0, kenpoId, year, from, until, deadline, insuredEligible, dependentEligible, min,
				max, rule, capI, capD, self, childSecondDose, perHousehold, payee, fourEyes, continuedEligible));
	}

	/** The rules as one line for the audit trail. */
	static String summary(FluSeason s) {
		return s.fiscalYear() + "年度 " + s.vaccinationFrom() + "〜" + s.vaccinationUntil() + " 期限" + s.applyUntil()
				+ " 被保険者" + yes(s.insuredEligible()) + " 被扶養者" + yes(s.dependentEligible()) + " 任継・特退"
				+ yes(s.continuedEligible()) + " 年齢"
				+ (s.minAge() == null ? "" : s.minAge()) + "〜" + (s.maxAge() == null ? "" : s.maxAge()) + " " + s.amountRule()
				+ " 上限" + s.capInsured() + "/" + s.capDependent() + " 自己負担" + s.selfPay() + " 2回" + yes(s.childSecondDose())
				+ " 世帯1回" + yes(s.perHousehold()) + " " + s.payment() + " 二重確認" + yes(s.fourEyes());
	}

	private static String yes(boolean b) {
		return b ? "○" : "×";
	}

	private static Integer number(String typed, int min, int max) {
		String t = java.text.Normalizer.normalize(typed, java.text.Normalizer.Form.NFKC).replace(",", "");
		if (!t.matches("[0-9]{1,6}")) {
			return null;
		}
		int n = Integer.parseInt(t);
		return n >= min && n <= max ? n : null;
	}

	private static LocalDate date(String typed) {
		try {
			return typed.isEmpty() ? null : LocalDate.parse(typed);
		}
		catch (DateTimeParseException e) {
			return null;
		}
	}

	private static String v(Map<String, String> p, String key) {
		String value = p.getOrDefault(key, "").strip();
		return value.length() > 100 ? value.substring(0, 100) : value;
	}
}
