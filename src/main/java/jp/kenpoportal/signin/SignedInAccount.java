package jp.kenpoportal.signin;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import jp.kenpoportal.account.Account;
import jp.kenpoportal.account.Accounts;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The account of the signed-in member, loaded once per request through the member's own
 * kenpo (never by an ID from the URL).
 */
@Component
public class SignedInAccount {

	private static final String CACHE = SignedInAccount.class.getName();

	private final Accounts accounts;

	SignedInAccount(Accounts accounts) {
		this.accounts = accounts;
	}

	public Optional<MemberPrincipal> principal() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		return auth != null && auth.getPrincipal() instanceof MemberPrincipal p ? Optional.of(p) : Optional.empty();
	}

	public Optional<Account> find() {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request != null && request.getAttribute(CACHE, RequestAttributes.SCOPE_REQUEST) instanceof Account a) {
			return Optional.of(a);
		}
		Optional<Account> account = principal().flatMap(p -> accounts.find(p.kenpoId(), p.accountId()));
		if (request != null) {
			account.ifPresent(a -> request.setAttribute(CACHE, a, RequestAttributes.SCOPE_REQUEST));
		}
		return account;
	}

	/**
	 * The account just signed in with its password, as this request loaded it to check the password:
	 * what comes next in the request (where to go after the password) needs no second look-up.
	 */
	public void signedInWith(Account account) {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request != null) {
			request.setAttribute(CACHE, account, RequestAttributes.SCOPE_REQUEST);
		}
	}

	public Account require() {
		return find().orElseThrow(() -> new IllegalStateException("no signed-in account"));
	}

	/** Forget the cached account after changing it in this request. */
	public void refresh(HttpServletRequest request) {
		request.removeAttribute(CACHE);
	}
}
