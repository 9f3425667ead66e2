package jp.kenpoportal.flu;

import java.time.LocalDate;

/**
 * One vaccinated person of an application.
 *
 * @param cost what the member paid for the person (all doses)
 * @param subsidy what the season's rules give
 * @param approved what the kenpo approved (the rules' amount or lower), null before approval
 */
public record FluLine(long memberId, LocalDate vaccinatedOn, int cost, int doses, int subsidy, Integer approved) {

	/** What will be (or was) paid: the approved amount once there is one. */
	public int payable() {
		return approved != null ? approved : subsidy;
	}
}
