package jp.kenpoportal.signin;

import jp.kenpoportal.account.Account;
import jp.kenpoportal.member.Household;
import jp.kenpoportal.member.MemberDirectory;
import jp.kenpoportal.tenant.CurrentKenpo;
import jp.kenpoportal.tenant.Kenpo;

import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The household of the signed-in member, in the request's kenpo: the only way the service
 * pages reach members' data, so no ID in a URL can lead outside it. Loaded once per request.
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

	public Household require() {
		RequestAttributes request = RequestContextHolder.currentRequestAttributes();
		if (request.getAttribute(CACHE, RequestAttributes.SCOPE_REQUEST) instanceof Household cached) {
			return cached;
		}
		Kenpo kenpo = CurrentKenpo.get();
		Account account = signedIn.require();
		Household household = members.householdOf(kenpo.id(), account.memberId())
			.filter(h -> h.insured().id() == account.memberId())
			.orElseThrow(() -> new IllegalStateException("the account's member is not an insured person"));
		request.setAttribute(CACHE, household, RequestAttributes.SCOPE_REQUEST);
		return household;
	}

	public Account account() {
		return signedIn.require();
	}
}
