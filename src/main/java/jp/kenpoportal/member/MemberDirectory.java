package jp.kenpoportal.member;

import java.util.List;
import java.util.Optional;

/** The roster of a kenpo; every look-up is scoped to the kenpo it names. */
public interface MemberDirectory {

	Optional<Member> find(long kenpoId, long memberId);

	/** Everyone in the household of the given member, the insured first. */
	List<Member> household(long kenpoId, long memberId);

	Member register(long kenpoId, NewMember member);
}
