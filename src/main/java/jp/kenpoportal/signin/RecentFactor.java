package jp.kenpoportal.signin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jp.kenpoportal.account.Account;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Whether the member proved their second factor a short while ago: changing or removing a
 * factor asks for it again otherwise (ASVS V6.2: re-authentication before sensitive changes).
 */
@Component
public class RecentFactor {

	public static final Duration WINDOW = Duration.ofMinutes(5);

	private final Clock clock;

	RecentFactor(Clock clock) {
		this.clock = clock;
	}

	public boolean proved(Account account) {
		if (account.secondFactor() == null) {
			return false;
		}
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth == null) {
			return false;
		}
		Instant since = clock.instant().minus(WINDOW);
		return auth.getAuthorities()
			.stream()
			.filter(FactorGrantedAuthority.class::isInstance)
			.map(FactorGrantedAuthority.class::cast)
			.anyMatch(a -> a.getAuthority().equals(account.secondFactor().authority()) && a.getIssuedAt() != null
					&& !a.getIssuedAt().isBefore(since));
	}
}
