package jp.kenpoportal.member;

import java.util.List;
import java.util.Optional;

/** The roster of a kenpo; every look-up is scoped to the kenpo it names. */
public interface MemberDirectory {

	Optional<Member> find(long kenpoId, long memberId);

	/** Everyone in the household of the given member, the insured first. */
	/** The roster row of a 記号・番号・枝番 (e.g. one a roster import brought). */
	Optional<Member> findByNumber(long kenpoId, String symbol, String number, String branch);

	List<Member> household(long kenpoId, long memberId);

	/** The household of the given member as one value, the insured first. */
	default Optional<Household> householdOf(long kenpoId, long memberId) {
		return Household.of(household(kenpoId, memberId));
	}

	/**
	 * The insured persons of the households that the given members belong to, in one query
	 * (for mails about a household's new data, which go to the insured's account). A dependant
	 * hidden from the household (世帯閲覧 opt-out) gives none: their new data is not the
	 * household's to hear of.
	 */
	List<Long> insuredOfHouseholds(long kenpoId, java.util.Collection<Long> memberIds);

	Member register(long kenpoId, NewMember member);

	/** The 事業所 on the kenpo's roster, by code (for choosing whom an お知らせ is for). */
	List<Employer> employers(long kenpoId);

	/**
	 * The insured persons (枝番 00) of the kenpo, only those qualified on {@code qualifiedOn} when
	 * it is given, and only those at one of {@code employerCodes} when they are given.
	 */
	List<Long> insured(long kenpoId, java.time.LocalDate qualifiedOn, java.util.Collection<String> employerCodes);
}
