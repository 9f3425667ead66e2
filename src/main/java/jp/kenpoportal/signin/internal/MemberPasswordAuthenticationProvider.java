package jp.kenpoportal.signin.internal;

import java.time.Clock;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import jp.kenpoportal.account.Account;
import jp.kenpoportal.account.Accounts;
import jp.kenpoportal.account.PasswordCheck;
import jp.kenpoportal.audit.AuditTrail;
import jp.kenpoportal.audit.AuditType;
import jp.kenpoportal.audit.TypedUserIds;
import jp.kenpoportal.common.TypedInput;
import jp.kenpoportal.signin.MemberPrincipal;
import jp.kenpoportal.signin.QualificationAccess;
import jp.kenpoportal.signin.RateLimits;
import jp.kenpoportal.signin.SessionControl;
import jp.kenpoportal.signin.SignedInAccount;
import jp.kenpoportal.tenant.CurrentKenpo;
import jp.kenpoportal.tenant.Kenpo;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The first factor: user ID and password (or the initial password) of the request's kenpo.
 * Every refusal looks the same to the member; the audit trail records what it was.
 */
@Component
class MemberPasswordAuthenticationProvider implements AuthenticationProvider {

	private final Accounts accounts;

	private final RateLimits limits;

	private final AuditTrail audit;

	private final TypedUserIds typedUserIds;

	private final Clock clock;

	private final QualificationAccess qualificationAccess;

	private final SignedInAccount signedIn;

	MemberPasswordAuthenticationProvider(Accounts accounts, RateLimits limits, AuditTrail audit,
			TypedUserIds typedUserIds, Clock clock, QualificationAccess qualificationAccess, SignedInAccount signedIn) {
		this.accounts = accounts;
		this.limits = limits;
		this.audit = audit;
		this.typedUserIds = typedUserIds;
		this.clock = clock;
		this.qualificationAccess = qualificationAccess;
		this.signedIn = signedIn;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		Kenpo kenpo = CurrentKenpo.get();
		String address = clientAddress();
		// only failures take a token: members behind one company NAT who type their passwords
		// right never block each other
		String addressKey = kenpo.code() + ":" + address;
		if (limits.exhausted(RateLimits.Limit.SIGN_IN_FAILURES_PER_ADDRESS, addressKey)) {
			audit.record(kenpo.id(), null, AuditType.SIGN_IN_THROTTLED, address);
			throw new SignInThrottledException();
		}
		String loginId = TypedInput.userId(authentication.getName());
		String password = TypedInput.password(String.valueOf(authentication.getCredentials()));
		// an ID that names no account may be a mistyped password: only its keyed hash is kept;
		// the audit row commits with the failure's count (one commit on every failing path)
		PasswordCheck check = accounts.checkPassword(kenpo, loginId, password,
				failure -> audit.record(kenpo.id(), failure.account().map(Account::id).orElse(null),
						AuditType.SIGN_IN_FAILED, failure.outcome() + " "
								+ typedUserIds.forAudit(kenpo.id(), loginId, failure.account().isPresent())));
		Long accountId = check.account().map(Account::id).orElse(null);
		if (check.accepted()) {
			qualificationAccess.refuseIfEnded(kenpo, check.account().orElseThrow(), "PASSWORD");
			audit.record(kenpo.id(), accountId, AuditType.SIGN_IN_PASSWORD_ACCEPTED, null);
			SessionControl.describe(currentRequest(), clock.instant());
			// the success handler reads it to choose the next page: no second query for the same row
			signedIn.signedInWith(check.account().orElseThrow());
			return UsernamePasswordAuthenticationToken.authenticated(new MemberPrincipal(accountId, kenpo.id()), null,
					List.of(FactorGrantedAuthority.withAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY)
						.issuedAt(clock.instant())
						.build(), new SimpleGrantedAuthority("ROLE_MEMBER")));
		}
		limits.tryAcquire(RateLimits.Limit.SIGN_IN_FAILURES_PER_ADDRESS, addressKey);
		// a lock (LOCKED_NOW) was recorded with the lock itself too, by LockNotifier
		throw new SignInRefusedException();
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

	private static String clientAddress() {
		return currentRequest().getRemoteAddr();
	}

	private static HttpServletRequest currentRequest() {
		return ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
	}
}
