package jp.kenpoportal.signin.loginmethod;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import jp.kenpoportal.account.Account;
import jp.kenpoportal.signin.RecentFactor;

import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.stereotype.Component;

/**
 * Every change of the login method needs the current factor proved in the last five minutes
 * ({@link RecentFactor}); a page that leads to one sends the member to prove it, then back to
 * the same page. Only pages reached by GET are saved to come back to: they change nothing.
 */
@Component
class RecentProof {

	private final RecentFactor recentFactor;

	private final RequestCache requestCache = new HttpSessionRequestCache();

	RecentProof(RecentFactor recentFactor) {
		this.recentFactor = recentFactor;
	}

	boolean proved(Account account) {
		return recentFactor.proved(account);
	}

	/** Empty when the factor was proved recently; else where to prove it, coming back here afterwards. */
	Optional<String> require(Account account, HttpServletRequest request, HttpServletResponse response) {
		if (recentFactor.proved(account)) {
			return Optional.empty();
		}
		requestCache.saveRequest(request, response);
		return Optional.of("redirect:" + account.secondFactor().signInPath() + "?reauth");
	}
}
