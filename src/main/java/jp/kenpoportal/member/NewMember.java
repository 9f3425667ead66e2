package jp.kenpoportal.member;

import java.time.LocalDate;

/** A roster row to register; the 事業所 may be unknown (null). */
public record NewMember(String symbol, String number, String branch, String name, String nameKana,
		LocalDate birthDate, Sex sex, String relationship, LocalDate acquiredOn, LocalDate lostOn, String employerCode,
		String employerName) {

	/** A roster row without a known 事業所. */
	public NewMember(String symbol, String number, String branch, String name, String nameKana, LocalDate birthDate,
			Sex sex, String relationship, LocalDate acquiredOn, LocalDate lostOn) {
		this(symbol, number, branch, name, nameKana, birthDate, sex, relationship, acquiredOn, lostOn, null, null);
	}

	/** The same row at the given 事業所. */
	public NewMember atEmployer(String code, String name) {
		return new NewMember(symbol, number, branch, this.name, nameKana, birthDate, sex, relationship, acquiredOn,
				lostOn, code, name);
	}
}
