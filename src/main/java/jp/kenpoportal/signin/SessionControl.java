package jp.kenpoportal.signin;

import java.time.Duration;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.security.web.authentication.SpringSessionRememberMeServices;
import org.springframework.stereotype.Component;

/** Changes to the signed-in session: a factor proved, other browsers signed out, signed out. */
@Component
public class SessionControl {

	private static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(30);

	/** One attribute, written once per sign-in: each attribute is a row to write in the session store. */
	private static final String ORIGIN = "signin.origin";

	/** The mark of a session to keep when a pending change signs the others out. */
	private static final String KEEP_MARK = "signin.keep-mark";

	private static final java.security.SecureRandom MARKS = new java.security.SecureRandom();

	private final SecurityContextRepository contexts;

	private final FindByIndexNameSessionRepository<? extends Session> sessions;

	private final java.time.Clock clock;

	SessionControl(SecurityContextRepository contexts, FindByIndexNameSessionRepository<? extends Session> sessions,
			java.time.Clock clock) {
		this.contexts = contexts;
		this.sessions = sessions;
		this.clock = clock;
	}

	/** Adds a proved factor to the session and changes the session ID (session fixation). */
	public void grantFactor(String authority, HttpServletRequest request, HttpServletResponse response) {
		Authentication current = SecurityContextHolder.getContext().getAuthentication();
		Authentication upgraded = current.toBuilder().authorities(a -> {
			a.removeIf(existing -> authority.equals(existing.getAuthority()));
			a.add(FactorGrantedAuthority.withAuthority(authority).issuedAt(clock.instant()).build());
		}).build();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(upgraded);
		SecurityContextHolder.setContext(context);
		keepRememberedCookie(request, clock.instant());
		request.changeSessionId();
		contexts.saveContext(context, request, response);
	}

	/** Signs a member in on this browser with a new session ID (a passkey alone is both factors). */
	public void signIn(Authentication authentication, HttpServletRequest request, HttpServletResponse response) {
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(authentication);
		SecurityContextHolder.setContext(context);
		if (request.getSession(false) != null) {
			request.changeSessionId();
		}
		describe(request, clock.instant());
		contexts.saveContext(context, request, response);
	}

	/** Ends every other session of the signed-in account, on every node. */
	public int signOutOtherSessions(HttpServletRequest request) {
		Authentication current = SecurityContextHolder.getContext().getAuthentication();
		HttpSession mine = request.getSession(false);
		int ended = 0;
		for (String id : sessions.findByPrincipalName(current.getName()).keySet()) {
			if (mine == null || !id.equals(mine.getId())) {
				sessions.deleteById(id);
				ended++;
			}
		}
		return ended;
	}

	/** Keeps where and with what a session signed in, for the member's list of sessions. */
	public static void describe(HttpServletRequest request, java.time.Instant at) {
		String agent = request.getHeader("User-Agent");
		request.getSession(true)
			.setAttribute(ORIGIN, new Origin(agent == null ? "-" : agent.length() > 300 ? agent.substring(0, 300) : agent,
					request.getRemoteAddr(), at));
	}

	/** When the session's member signed in (the password, or a passkey alone); empty before any sign-in. */
	public static java.util.Optional<java.time.Instant> signedInAt(HttpSession session) {
		return session.getAttribute(ORIGIN) instanceof Origin origin ? java.util.Optional.ofNullable(origin.signedInAt())
				: java.util.Optional.empty();
	}

	/** The account's signed-in browsers, this one first, then the most recently active. */
	public java.util.List<SignedInSession> sessionsOf(HttpServletRequest request) {
		Authentication current = SecurityContextHolder.getContext().getAuthentication();
		HttpSession mine = request.getSession(false);
		return sessions.findByPrincipalName(current.getName())
			.values()
			.stream()
			.map(s -> {
				Origin origin = s.getAttribute(ORIGIN) instanceof Origin o ? o : new Origin(null, null, null);
				return new SignedInSession(handle(s.getId()), mine != null && s.getId().equals(mine.getId()),
						origin.userAgent(), origin.address(), origin.signedInAt(), s.getLastAccessedTime());
			})
			.sorted(java.util.Comparator.comparing(SignedInSession::current)
				.thenComparing(SignedInSession::lastSeen)
				.reversed())
			.toList();
	}

	/** Ends one of the account's sessions, named by its handle (never by the session ID itself). */
	public boolean end(HttpServletRequest request, String handle) {
		Authentication current = SecurityContextHolder.getContext().getAuthentication();
		for (String id : sessions.findByPrincipalName(current.getName()).keySet()) {
			if (handle(id).equals(handle)) {
				sessions.deleteById(id);
				return true;
			}
		}
		return false;
	}

	/** A stable, non-secret name for a session: its ID must never appear in a page. */
	private static String handle(String sessionId) {
		try {
			byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
				.digest(sessionId.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
			return java.util.HexFormat.of().formatHex(digest, 0, 12);
		}
		catch (java.security.NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	/** Where and with what a session signed in. */
	private record Origin(String userAgent, String address, java.time.Instant signedInAt)
			implements java.io.Serializable {
	}

	/** One signed-in browser as the member sees it. */
	public record SignedInSession(String handle, boolean current, String userAgent, String address,
			java.time.Instant signedInAt, java.time.Instant lastSeen) {
	}

	/**
	 * Marks this browser's session, for a change confirmed later, maybe elsewhere, that must
	 * keep it while ending the account's other sessions ({@link #endAllSessionsBut}). A mark,
	 * not the session ID: the ID changes whenever a factor is proved again; attributes stay.
	 */
	public String markThisSession(HttpServletRequest request) {
		byte[] random = new byte[16];
		MARKS.nextBytes(random);
		String mark = java.util.HexFormat.of().formatHex(random);
		request.getSession(true).setAttribute(KEEP_MARK, mark);
		return mark;
	}

	/** Ends every session of the account, on every node, except the one carrying the mark. */
	public int endAllSessionsBut(long accountId, String mark) {
		int ended = 0;
		for (Map.Entry<String, ? extends Session> session : sessions.findByPrincipalName(Long.toString(accountId))
			.entrySet()) {
			if (!mark.equals(session.getValue().getAttribute(KEEP_MARK))) {
				sessions.deleteById(session.getKey());
				ended++;
			}
		}
		return ended;
	}

	/** Ends every session of the account, on every node (after a password reset). */
	public int endAllSessions(long accountId) {
		int ended = 0;
		for (String id : sessions.findByPrincipalName(Long.toString(accountId)).keySet()) {
			sessions.deleteById(id);
			ended++;
		}
		return ended;
	}

	/** Signs the member out of this browser. */
	public void signOut(HttpServletRequest request, HttpServletResponse response) {
		new SecurityContextLogoutHandler().logout(request, response,
				SecurityContextHolder.getContext().getAuthentication());
	}

	/**
	 * A session kept by ログイン状態の保存 lives longer than the default; its cookie must stay
	 * persistent when the ID changes, which Spring Session does only on the sign-in request. The
	 * new cookie lives as long as the sign-in has left, in seconds (the cookie serializer reads it).
	 */
	private static void keepRememberedCookie(HttpServletRequest request, java.time.Instant now) {
		HttpSession session = request.getSession(false);
		if (session != null && session.getMaxInactiveInterval() > DEFAULT_TIMEOUT.toSeconds()) {
			long left = signedInAt(session)
				.map(at -> Duration.ofSeconds(session.getMaxInactiveInterval()).minus(Duration.between(at, now)))
				.map(Duration::toSeconds)
				.orElse((long) session.getMaxInactiveInterval());
			request.setAttribute(SpringSessionRememberMeServices.REMEMBER_ME_LOGIN_ATTR, (int) Math.max(0, left));
		}
	}
}
