package jp.kenpoportal.account;

/**
 * How far a group of insured persons (the whole roster, one 事業所, one age band) has come: on the
 * roster, with an account opened for them, and registered (finished the first registration).
 * {@code group} names the group: empty for the whole roster, the 事業所 code (empty when none), or the band's lowest age.
 */
public record RegistrationCounts(String group, long insured, long withAccount, long registered) {

	/** Registered as a share of the insured, in per mille (one decimal of a percentage), 0 for an empty group. */
	public long registeredPerMille() {
		return insured == 0 ? 0 : Math.round(registered * 1000.0 / insured);
	}
}
