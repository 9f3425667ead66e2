package jp.kenpoportal.admin.imports;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** 医療費: one line per レセプト (docs/imports/claims.md). */
final class ClaimFormat implements RowFormat {

	static final List<String> HEADERS = List.of("個人番号", "診療年月", "区分", "医療機関名", "日数", "医療費総額", "保険者負担", "公費",
			"自己負担", "公開日");

	private static final Map<String, String> CATEGORY = new LinkedHashMap<>();

	static {
		CATEGORY.put("入院", "INPATIENT");
		CATEGORY.put("外来", "OUTPATIENT");
		CATEGORY.put("歯科", "DENTAL");
		CATEGORY.put("調剤", "PHARMACY");
		CATEGORY.put("訪問看護", "HOME_NURSING");
	}

	/** The largest amount of one line the table holds (int): far above any real レセプト. */
	private static final long MAX_AMOUNT = Integer.MAX_VALUE;

	@Override
	public List<String> headers() {
		return HEADERS;
	}

	@Override
	public void convert(Fields f, CleanCsv out) {
		String personKey = f.code("個人番号", 20, true);
		YearMonth month = f.month("診療年月");
		String category = f.choice("区分", CATEGORY, true);
		String provider = f.required("医療機関名", 100);
		Long days = f.number("日数", 0, 31, true);
		Long total = f.number("医療費総額", 0, MAX_AMOUNT, true);
		Long insurer = f.number("保険者負担", 0, MAX_AMOUNT, true);
		Long publicPaid = f.number("公費", 0, MAX_AMOUNT, false);
		Long patient = f.number("自己負担", 0, MAX_AMOUNT, true);
		LocalDate published = f.date("公開日", true);
		if (total != null && insurer != null && patient != null
				&& insurer + patient + (publicPaid == null ? 0 : publicPaid) > total) {
			f.rowError("医療費総額", "imports.error.sharesExceedTotal", null);
		}
		if (month != null && published != null && published.isBefore(month.atDay(1))) {
			f.rowError("公開日", "imports.error.publishedBeforeMonth", null);
		}
		if (f.bad()) {
			return;
		}
		out.text(personKey).date(month.atDay(1)).text(category).text(provider).number(days).number(total)
			.number(insurer).number(publicPaid == null ? 0 : publicPaid).number(patient)
			.text(published + "T00:00:00+09:00");
	}
}
