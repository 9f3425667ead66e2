package jp.kenpoportal.admin.imports;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.kenpoportal.member.QualificationKind;
import jp.kenpoportal.tenant.Kenpo;

/** 被保険者・被扶養者: the kenpo's whole roster (docs/imports/roster.md). */
final class RosterFormat implements RowFormat {

	static final List<String> HEADERS = List.of("個人番号", "記号", "番号", "枝番", "氏名", "氏名カナ", "生年月日", "性別", "続柄",
			"資格取得日", "資格喪失日", "負担割合", "事業所コード", "事業所名称", "郵便番号", "住所", "世帯閲覧", "資格区分");

	private static final Map<String, String> SEX = new LinkedHashMap<>();

	private static final Map<String, Integer> RATIO = new LinkedHashMap<>();

	private static final Map<String, Boolean> HOUSEHOLD = new LinkedHashMap<>();

	/** 資格区分; an empty cell is 一般, so a core system without 任意継続 leaves it blank. */
	private static final Map<String, QualificationKind> KIND = new LinkedHashMap<>();

	static {
		SEX.put("男", "MALE");
		SEX.put("女", "FEMALE");
		SEX.put("1", "MALE");
		SEX.put("2", "FEMALE");
		RATIO.put("2", 2);
		RATIO.put("3", 3);
		RATIO.put("2割", 2);
		RATIO.put("3割", 3);
		HOUSEHOLD.put("可", false);
		HOUSEHOLD.put("否", true);
		KIND.put("一般", QualificationKind.GENERAL);
		KIND.put("任意継続", QualificationKind.CONTINUED);
		KIND.put("任継", QualificationKind.CONTINUED);
		KIND.put("特例退職", QualificationKind.SPECIAL_RETIREE);
		KIND.put("特退", QualificationKind.SPECIAL_RETIREE);
	}

	private final Kenpo kenpo;

	RosterFormat(Kenpo kenpo) {
		this.kenpo = kenpo;
	}

	@Override
	public List<String> headers() {
		return HEADERS;
	}

	@Override
	public void convert(Fields f, CleanCsv out) {
		String personKey = f.code("個人番号", 20, true);
		String symbol = f.digits("記号", kenpo.symbolDigits(), kenpo.symbolDigits(), true);
		String number = f.digits("番号", kenpo.numberDigits(), kenpo.numberDigits(), true);
		String branch = f.digits("枝番", 2, 2, true);
		String name = f.required("氏名", 100);
		String kana = f.kana("氏名カナ", 100);
		LocalDate birth = f.date("生年月日", true);
		String sex = f.choice("性別", SEX, true);
		String relationship = f.required("続柄", 20);
		LocalDate acquired = f.date("資格取得日", true);
		LocalDate lost = f.date("資格喪失日", false);
		Integer ratio = f.choice("負担割合", RATIO, false);
		String employerCode = f.code("事業所コード", 20, false);
		String employerName = f.raw("事業所名称", 100);
		String postal = f.raw("郵便番号", 8);
		String address = f.raw("住所", 200);
		Boolean hidden = f.choice("世帯閲覧", HOUSEHOLD, false);
		QualificationKind kind = f.choice("資格区分", KIND, false);
		if (postal != null && !java.text.Normalizer.normalize(postal, java.text.Normalizer.Form.NFKC)
			.matches("[0-9]{3}-?[0-9]{4}")) {
			f.rowError("郵便番号", "imports.error.postalCode", null);
		}
		if (birth != null && acquired != null && acquired.isBefore(birth)) {
			f.rowError("資格取得日", "imports.error.acquiredBeforeBirth", null);
		}
		if (acquired != null && lost != null && !lost.isAfter(acquired)) {
			f.rowError("資格喪失日", "imports.error.lostBeforeAcquired", null);
		}
		if (Boolean.TRUE.equals(hidden) && "00".equals(branch)) {
			f.rowError("世帯閲覧", "imports.error.insuredHidden", null);
		}
		if ((employerCode == null) != (employerName == null)) {
			f.rowError(employerCode == null ? "事業所コード" : "事業所名称", "imports.error.employerPair", null);
		}
		if (f.bad()) {
			return;
		}
		String zip = postal == null ? null
				: java.text.Normalizer.normalize(postal, java.text.Normalizer.Form.NFKC).replace("-", "");
		out.text(personKey).text(symbol).text(number).text(branch).text(name).text(kana).date(birth).text(sex)
			.text(relationship).date(acquired).date(lost).number(ratio).text(employerCode).text(employerName)
			.text(zip == null ? null : zip.substring(0, 3) + "-" + zip.substring(3)).text(address)
			.bool(Boolean.TRUE.equals(hidden))
			.text((kind == null ? QualificationKind.GENERAL : kind).name());
	}
}
