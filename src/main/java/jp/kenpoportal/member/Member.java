package jp.kenpoportal.member;

import java.time.LocalDate;

/**
 * A person on a kenpo's roster: the insured (被保険者, 枝番 00) or a dependent (被扶養者).
 * A household is everyone with the same 記号 and 番号.
 */
public record Member(long id, long kenpoId, String symbol, String number, String branch, String name,
		String nameKana, LocalDate birthDate, Sex sex, String relationship, LocalDate acquiredOn, LocalDate lostOn) {

	public static final String INSURED_BRANCH = "00";

	public boolean insured() {
		return INSURED_BRANCH.equals(branch);
	}
}
