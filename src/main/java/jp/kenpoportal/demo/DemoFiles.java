package jp.kenpoportal.demo;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.stream.Collectors;

import jp.kenpoportal.member.Member;
import jp.kenpoportal.member.NewMember;
import jp.kenpoportal.member.QualificationKind;
import jp.kenpoportal.member.Sex;

/**
 * The demo kenpo's files as its core system would deliver them (docs/imports/): the roster, the
 * existing web accounts, and the 医療費 and 給付 lines that {@link DemoServiceData} generates. The
 * seeder loads them through the imports, as a kenpo loads its own data. The person key is the
 * demo's own: "D" and the 記号・番号・枝番.
 */
final class DemoFiles {

	static final String ROSTER_HEADER = "個人番号,記号,番号,枝番,氏名,氏名カナ,生年月日,性別,続柄,資格取得日,資格喪失日,負担割合,事業所コード,事業所名称,郵便番号,住所,世帯閲覧,資格区分";

	static final String ACCOUNTS_HEADER = "個人番号,ユーザID,メールアドレス";

	static final String CLAIMS_HEADER = "個人番号,診療年月,区分,医療機関名,日数,医療費総額,保険者負担,公費,自己負担,公開日";

	static final String DECISIONS_HEADER = "決定番号,個人番号,種別,診療年月,期間開始,期間終了,医療機関名,決定日,支払日,支給額,直接支払額,費用額,支払先,金融機関名,口座番号下4桁,対象者個人番号,公開日";

	/** 資格区分 as the roster writes it; 一般 is left blank, as most core systems do. */
	private static final java.util.Map<QualificationKind, String> KINDS = java.util.Map.of(QualificationKind.CONTINUED,
			"任意継続", QualificationKind.SPECIAL_RETIREE, "特例退職");

	private DemoFiles() {
	}

	static String personKey(String symbol, String number, String branch) {
		return "D" + symbol + number + branch;
	}

	static String personKey(Member m) {
		return personKey(m.symbol(), m.number(), m.branch());
	}

	/** The kenpo's whole roster: every person of every demo household. */
	static String roster(DemoData.DemoKenpo demo) {
		return file(ROSTER_HEADER, demo.households()
			.stream()
			.flatMap(h -> h.members().stream())
			.map(DemoFiles::rosterLine)
			.toList());
	}

	/**
	 * The accounts of the old system: every household with its own user ID (the initial password
	 * is seed 000's, 記号 + 番号 + 生年月日). A 仮ユーザID with its letter's password is no
	 * migrated account: the seeder opens it as the letter would.
	 */
	static String accounts(DemoData.DemoKenpo demo) {
		return file(ACCOUNTS_HEADER, demo.households()
			.stream()
			.filter(h -> !h.temporaryLoginId())
			.map(h -> line(personKey(insured(h).symbol(), insured(h).number(), Member.INSURED_BRANCH), h.loginId(),
					h.email()))
			.toList());
	}

	static NewMember insured(DemoData.DemoHousehold household) {
		return household.members().stream().filter(m -> Member.INSURED_BRANCH.equals(m.branch())).findFirst().orElseThrow();
	}

	static String file(String header, List<String> lines) {
		return header + "\r\n" + lines.stream().map(l -> l + "\r\n").collect(Collectors.joining());
	}

	/** One CSV line; a cell is quoted when it holds a comma, a quote or a line break. */
	static String line(Object... cells) {
		return java.util.Arrays.stream(cells).map(DemoFiles::cell).collect(Collectors.joining(","));
	}

	private static String rosterLine(NewMember m) {
		return line(personKey(m.symbol(), m.number(), m.branch()), m.symbol(), m.number(), m.branch(), m.name(),
				m.nameKana(), m.birthDate(), m.sex() == Sex.MALE ? "男" : "女", m.relationship(), m.acquiredOn(),
				m.lostOn(), m.burdenRatio(), m.employerCode(), m.employerName(), null, null,
				m.hiddenFromHousehold() ? "否" : null, KINDS.get(m.qualificationKind()));
	}

	private static String cell(Object value) {
		if (value == null) {
			return "";
		}
		String s = value instanceof YearMonth || value instanceof LocalDate ? value.toString() : String.valueOf(value);
		return s.matches(".*[,\"\r\n].*") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
	}
}
