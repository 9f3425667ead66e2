package jp.kenpoportal.member;

import java.time.LocalDate;

/**
 * A person on a kenpo's roster: the insured (被保険者, 枝番 00) or a dependent (被扶養者).
 * A household is everyone with the same 記号 and 番号. The 事業所 (employer) is null until an
 * import brings it.
 */
public record Member(long id, long kenpoId, String symbol, String number, String branch, String name,
		String nameKana, LocalDate birthDate, Sex sex, String relationship, LocalDate acquiredOn, LocalDate lostOn,
		String employerCode, String employerName) {

	public static final String INSURED_BRANCH = "00";

	/** A roster row without a known 事業所. */
	public Member(long id, long kenpoId, String symbol, String number, String branch, String name, String nameKana,
			LocalDate birthDate, Sex sex, String relationship, LocalDate acquiredOn, LocalDate lostOn) {
		this(id, kenpoId, symbol, number, branch, name, nameKana, birthDate, sex, relationship, acquiredOn, lostOn,
				null, null);
	}

	/** Qualified on the day: acquired by then and not lost (資格喪失日 is the first day without). */
	public boolean qualifiedOn(LocalDate day) {
		return !acquiredOn.isAfter(day) && (lostOn == null || lostOn.isAfter(day));
	}

	public boolean insured() {
		return INSURED_BRANCH.equals(branch);
	}
}
