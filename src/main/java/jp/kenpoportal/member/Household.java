package jp.kenpoportal.member;

import java.util.List;
import java.util.Optional;

/**
 * Everyone under one 記号・番号: the insured (枝番 00) and the dependents. Members' data is
 * always read through a household, so a 枝番 or an ID from a URL can only ever name one of
 * its own people.
 */
public record Household(long kenpoId, String symbol, String number, List<Member> members) {

	public Household {
		members = List.copyOf(members);
		if (members.isEmpty() || !members.get(0).insured()) {
			throw new IllegalArgumentException("a household starts with its insured person");
		}
	}

	/** The household these roster rows make, insured first; empty when they do not start with the insured. */
	public static Optional<Household> of(List<Member> people) {
		if (people.isEmpty() || !people.get(0).insured()) {
			return Optional.empty();
		}
		Member insured = people.get(0);
		return Optional.of(new Household(insured.kenpoId(), insured.symbol(), insured.number(), people));
	}

	/**
	 * The household as the insured's pages and downloads show it: without the dependants the
	 * kenpo keeps out of it (世帯閲覧 opt-out). Everything read through this household then
	 * leaves them out too, since every query takes its member IDs.
	 */
	public Household shownToInsured() {
		return new Household(kenpoId, symbol, number,
				members.stream().filter(m -> m.insured() || !m.hiddenFromHousehold()).toList());
	}

	public Member insured() {
		return members.get(0);
	}

	/** The person with this 枝番, if the household has one. */
	public Optional<Member> byBranch(String branch) {
		return members.stream().filter(m -> m.branch().equals(branch)).findFirst();
	}

	public Optional<Member> byId(long memberId) {
		return members.stream().filter(m -> m.id() == memberId).findFirst();
	}

	public List<Long> memberIds() {
		return members.stream().map(Member::id).toList();
	}

	/** The members' IDs as a SQL array parameter ({@code member_id = any(?)}). */
	public Long[] memberIdArray() {
		return members.stream().map(Member::id).toArray(Long[]::new);
	}
}
