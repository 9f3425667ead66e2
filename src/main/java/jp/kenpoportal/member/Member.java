package jp.kenpoportal.member;

import java.time.LocalDate;

/**
 * A person on a kenpo's roster: the insured (被保険者, 枝番 00) or a dependent (被扶養者).
 * A household is everyone with the same 記号 and 番号.
 *
 * @param burdenRatio 負担割合 in tenths (2 or 3) as the kenpo decided it, or null while the kenpo
 * has not delivered it
 * @param hiddenFromHousehold 世帯閲覧 opt-out: the kenpo keeps this dependant's data out of the
 * household's pages and downloads
 * @param employerCode 事業所 code, null until an import brings it
 * @param employerName 事業所 name, null until an import brings it
 * @param qualificationKind 資格区分: 一般, 任意継続 or 特例退職 (a dependant's is their insured's)
 */
public record Member(long id, long kenpoId, String symbol, String number, String branch, String name,
		String nameKana, LocalDate birthDate, Sex sex, String relationship, LocalDate acquiredOn, LocalDate lostOn,
		Integer burdenRatio, boolean hiddenFromHousehold, String employerCode, String employerName,
		QualificationKind qualificationKind) {

	public static final String INSURED_BRANCH = "00";

	public Member {
		qualificationKind = qualificationKind == null ? QualificationKind.GENERAL : qualificationKind;
	}

	/** An ordinary (一般) roster row. */
	public Member(long id, long kenpoId, String symbol, String number, String branch, String name, String nameKana,
			LocalDate birthDate, Sex sex, String relationship, LocalDate acquiredOn, LocalDate lostOn,
			Integer burdenRatio, boolean hiddenFromHousehold, String employerCode, String employerName) {
		this(id, kenpoId, symbol, number, branch, name, nameKana, birthDate, sex, relationship, acquiredOn, lostOn,
				burdenRatio, hiddenFromHousehold, employerCode, employerName, QualificationKind.GENERAL);
	}

	/** A roster row without a delivered 負担割合 or 事業所, visible to the household. */
	public Member(long id, long kenpoId, String symbol, String number, String branch, String name, String nameKana,
			LocalDate birthDate, Sex sex, String relationship, LocalDate acquiredOn, LocalDate lostOn) {
		this(id, kenpoId, symbol, number, branch, name, nameKana, birthDate, sex, relationship, acquiredOn, lostOn,
				null, false, null, null, QualificationKind.GENERAL);
	}

	/** A roster row without a known 事業所. */
	public Member(long id, long kenpoId, String symbol, String number, String branch, String name, String nameKana,
			LocalDate birthDate, Sex sex, String relationship, LocalDate acquiredOn, LocalDate lostOn,
			Integer burdenRatio, boolean hiddenFromHousehold) {
		this(id, kenpoId, symbol, number, branch, name, nameKana, birthDate, sex, relationship, acquiredOn, lostOn,
				burdenRatio, hiddenFromHousehold, null, null, QualificationKind.GENERAL);
	}

	public boolean insured() {
		return INSURED_BRANCH.equals(branch);
	}

	/** Qualified (資格あり) on the given day: acquired by then and not yet lost (資格喪失日 is the first day without). */
	public boolean qualifiedOn(LocalDate day) {
		return (acquiredOn == null || !acquiredOn.isAfter(day)) && (lostOn == null || lostOn.isAfter(day));
	}
}
