package jp.kenpoportal.admin.imports;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** 給付 decisions: one line per 支給決定 (docs/imports/decisions.md). */
final class DecisionFormat implements RowFormat {

	static final List<String> HEADERS = List.of("決定番号", "個人番号", "種別", "診療年月", "期間開始", "期間終了", "医療機関名", "決定日",
			"支払日", "支給額", "直接支払額", "費用額", "支払先", "金融機関名", "口座番号下4桁", "対象者個人番号", "公開日");

	private static final Map<String, String> KIND = new LinkedHashMap<>();

	private static final Map<String, String> PAYEE = new LinkedHashMap<>();

	static {
		KIND.put("高額療養費", "HIGH_COST");
		KIND.put("付加金", "ADDITIONAL");
		KIND.put("一部負担還元金", "COPAY_REFUND");
		KIND.put("家族療養費付加金", "FAMILY_ADDITIONAL");
		KIND.put("療養費", "MEDICAL_REIMBURSEMENT");
		KIND.put("傷病手当金", "SICKNESS_ALLOWANCE");
		KIND.put("出産手当金", "MATERNITY_ALLOWANCE");
		KIND.put("出産育児一時金", "CHILDBIRTH_LUMP_SUM");
		KIND.put("家族出産育児一時金", "FAMILY_CHILDBIRTH_LUMP_SUM");
		KIND.put("埋葬料", "BURIAL");
		PAYEE.put("事業所", "EMPLOYER");
		PAYEE.put("本人口座", "MEMBER_ACCOUNT");
	}

	private static final long MAX_AMOUNT = Integer.MAX_VALUE;

	@Override
	public List<String> headers() {
		return HEADERS;
	}

	@Override
	public void convert(Fields f, CleanCsv out) {
		String number = f.code("決定番号", 30, true);
		String personKey = f.code("個人番号", 20, true);
		String kind = f.choice("種別", KIND, true);
		YearMonth month = f.raw("診療年月", 10) == null ? null : f.month("診療年月");
		LocalDate from = f.date("期間開始", false);
		LocalDate to = f.date("期間終了", false);
		String provider = f.raw("医療機関名", 100);
		LocalDate decided = f.date("決定日", true);
		LocalDate paid = f.date("支払日", true);
		Long amount = f.number("支給額", 0, MAX_AMOUNT, true);
		Long direct = f.number("直接支払額", 0, MAX_AMOUNT, false);
		Long cost = f.number("費用額", 1, MAX_AMOUNT, false);
		String payee = f.choice("支払先", PAYEE, true);
		String bank = f.raw("金融機関名", 60);
		String last = f.digits("口座番号下4桁", 3, 4, false);
		String covered = f.raw("対象者個人番号", 500);
		LocalDate published = f.date("公開日", true);
		if (month == null && from == null && !f.bad()) {
			f.rowError("診療年月", "imports.error.monthOrPeriod", null);
		}
		if ((from == null) != (to == null) || (from != null && to.isBefore(from))) {
			f.rowError("期間終了", "imports.error.period", null);
		}
		if (amount != null && amount + (direct == null ? 0 : direct) == 0) {
			f.rowError("支給額", "imports.error.zeroAmount", null);
		}
		if ("MEMBER_ACCOUNT".equals(payee) != (bank != null && last != null)) {
			f.rowError("支払先", "imports.error.payeeAccount", null);
		}
		if (covered != null && !java.text.Normalizer.normalize(covered, java.text.Normalizer.Form.NFKC)
			.matches("[0-9A-Za-z_\\-]+( [0-9A-Za-z_\\-]+)*")) {
			f.rowError("対象者個人番号", "imports.error.coveredKeys", null);
		}
		if (f.bad()) {
			return;
		}
		out.text(number).text(personKey).text(kind).date(month == null ? null : month.atDay(1)).date(from).date(to)
			.text(provider).date(decided).date(paid).number(amount).number(direct == null ? 0 : direct).number(cost)
			.text(payee).text("MEMBER_ACCOUNT".equals(payee) ? bank : null)
			.text("MEMBER_ACCOUNT".equals(payee) ? last : null)
			.text(covered == null ? null : java.text.Normalizer.normalize(covered, java.text.Normalizer.Form.NFKC))
			.text(published + "T00:00:00+09:00");
	}
}
