package jp.kenpoportal.member;

/**
 * What a roster file does, or did, to the kenpo's roster.
 *
 * @param inserted persons new to the roster
 * @param updated persons whose row changes (the rekeyed and lost included)
 * @param unchanged persons the file repeats as they are
 * @param lost persons who lose their qualification (資格喪失日 newly set, or missing from the file)
 * @param rekeyed persons whose 記号・番号・枝番 change; their account follows them
 */
public record RosterCounts(long inserted, long updated, long unchanged, long lost, long rekeyed) {

	public boolean changesNothing() {
		return inserted == 0 && updated == 0 && lost == 0;
	}
}
