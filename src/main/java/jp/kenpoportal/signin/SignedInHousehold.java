package jp.kenpoportal.signin;

import java.util.List;
import java.util.Optional;

import jp.kenpoportal.account.Account;
import jp.kenpoportal.member.Household;
import jp.kenpoportal.member.Member;
import jp.kenpoportal.member.MemberDirectory;
import jp.kenpoportal.tenant.CurrentKenpo;
import jp.kenpoportal.tenant.Kenpo;

import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The household of the signed-in member, in the request's kenpo: the only way the service
 * pages reach members' data, so no ID in a URL can lead outside it. Loaded once per request,
 * in one query that also gives the member's own roster row (the name in the header of every
 * page, the greeting on home).
 */
@Component
public class SignedInHousehold {

	private static final String CACHE = SignedInHousehold.class.getName();

	private final SignedInAccount signedIn;

	private final MemberDirectory members;

	SignedInHousehold(SignedInAccount signedIn, MemberDirectory members) {
		this.signedIn = signedIn;
		this.members = members;
	}

	/** The household as its insured may see it: dependants who opted out of 世帯閲覧 left out. */
	public Household require() {
		Account account = signedIn.require();
		return Household.of(people(CurrentKenpo.get(), account))
			.filter(household -> household.insured().id() == account.memberId())
			.map(Household::shownToInsured)
			.orElseThrow(() -> new IllegalStateException("the account's member is not an insured person"));
	}

	/**
	 * The signed-in account's own roster row, insured or dependent; empty outside a kenpo's
	 * host or without a signed-in account.
	 */
	public Optional<Member> member() {
		return CurrentKenpo.find().flatMap(k -> signedIn.find()
			.flatMap(account -> people(k, account).stream().filter(m -> m.id() == account.memberId()).findFirst()));
	}

	/** Everyone under the account's member's 記号・番号, the insured first: one query per request. */
	@SuppressWarnings("unchecked")
	private List<Member> people(Kenpo kenpo, Account account) {
		RequestAttributes request = RequestContextHolder.currentRequestAttributes();
		if (request.getAttribute(CACHE, RequestAttributes.SCOPE_REQUEST) instanceof List<?> cached) {
			return (List<Member>) cached;
		}
		List<Member> people = List.copyOf(members.household(kenpo.id(), account.memberId()));
		request.setAttribute(CACHE, people, RequestAttributes.SCOPE_REQUEST);
		return people;
	}
}
