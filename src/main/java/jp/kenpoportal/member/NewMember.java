package jp.kenpoportal.member;

import java.time.LocalDate;

/**
 * A roster row to register.
 *
 * @param burdenRatio 負担割合 in tenths (2 or 3) as the kenpo decided it, or null when not delivered
 * @param hiddenFromHousehold 世帯閲覧 opt-out of a dependant (never the insured)
 * @param employerCode 事業所 code, or null when unknown
 * @param employerName 事業所 name, or null when unknown
 * @param qualificationKind 資格区分 (null means 一般)
 */
public record NewMember(String symbol, String number, String branch, String name, String nameKana,
		LocalDate birthDate, Sex sex, String relationship, LocalDate acquiredOn, LocalDate lostOn, Integer burdenRatio,
		boolean hiddenFromHousehold, String employerCode, String employerName, QualificationKind qualificationKind) {

	public NewMember {
		qualificationKind = qualificationKind == null ? QualificationKind.GENERAL : qualificationKind;
		if (burdenRatio != null && burdenRatio != 2 && burdenRatio != 3) {
			throw new IllegalArgumentException("負担割合 under 75 is 2 or 3 tenths: " + burdenRatio);
		}
		if (hiddenFromHousehold && Member.INSURED_BRANCH.equals(branch)) {
			throw new IllegalArgumentException("the insured cannot be hidden from their own household");
		}
	}

	/** An ordinary (一般) roster row. */
	public NewMember(String symbol, String number, String branch, String name, String nameKana, LocalDate birthDate,
			Sex sex, String relationship, LocalDate acquiredOn, LocalDate lostOn, Integer burdenRatio,
			boolean hiddenFromHousehold, String employerCode, String employerName) {
		this(symbol, number, branch, name, nameKana, birthDate, sex, relationship, acquiredOn, lostOn, burdenRatio,
				hiddenFromHousehold, employerCode, employerName, QualificationKind.GENERAL);
	}

	/** A roster row without a delivered 負担割合 or 事業所, visible to the household. */
	public NewMember(String symbol, String number, String branch, String name, String nameKana, LocalDate birthDate,
			Sex sex, String relationship, LocalDate acquiredOn, LocalDate lostOn) {
		this(symbol, number, branch, name, nameKana, birthDate, sex, relationship, acquiredOn, lostOn, null, false,
				null, null);
	}

	/** A roster row without a known 事業所. */
	public NewMember(String symbol, String number, String branch, String name, String nameKana, LocalDate birthDate,
			Sex sex, String relationship, LocalDate acquiredOn, LocalDate lostOn, Integer burdenRatio,
			boolean hiddenFromHousehold) {
		this(symbol, number, branch, name, nameKana, birthDate, sex, relationship, acquiredOn, lostOn, burdenRatio,
				hiddenFromHousehold, null, null);
	}

	/** The same row at the given 事業所. */
	public NewMember atEmployer(String code, String name) {
		return new NewMember(symbol, number, branch, this.name, nameKana, birthDate, sex, relationship, acquiredOn,
				lostOn, burdenRatio, hiddenFromHousehold, code, name, qualificationKind);
	}

	/** The same row with the given 資格区分. */
	public NewMember as(QualificationKind kind) {
		return new NewMember(symbol, number, branch, name, nameKana, birthDate, sex, relationship, acquiredOn, lostOn,
				burdenRatio, hiddenFromHousehold, employerCode, employerName, kind);
	}
}
