package jp.kenpoportal.account;

/**
 * The registration figures of the insured persons of one 事業所 of the roster.
 *
 * @param code 事業所 code, null for the insured persons whose 事業所 the roster does not carry
 * @param name 事業所 name, null when the roster does not carry it
 */
public record EmployerCounts(String code, String name, RegistrationCounts counts) {

	/** True for the group of insured persons without a 事業所 (事業所未登録). */
	public boolean unknown() {
		return code == null;
	}
}
