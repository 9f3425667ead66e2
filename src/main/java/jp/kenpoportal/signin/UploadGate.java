package jp.kenpoportal.signin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.DefaultSecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a file upload (a multipart request) that its chain would refuse anyway, before anything
 * reads its body. The CSRF check reads the form's {@code _csrf} field, and asking for a field of a
 * multipart request makes the servlet container take in the whole body and spool its parts to
 * disk (up to 2.2 GB for データ取込): without this gate, anyone could fill a node's disk with
 * requests that are refused only afterwards. The gate sits ahead of the CSRF filter, after the
 * security context is loaded from the session, and asks the chain's own authorization rules (the
 * very manager of its {@link AuthorizationFilter}, so the role rules are written once): refused,
 * or not signed in at all (no page open without sign-in takes a file), the request is answered as
 * the chain would answer it (sign-in page, 403) without its body ever being read; the container
 * then drops the connection after at most its small swallow limit.
 */
public final class UploadGate extends OncePerRequestFilter {

	private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

	private final AuthenticationTrustResolver trust = new AuthenticationTrustResolverImpl();

	private final AuthenticationEntryPoint signIn;

	private final AccessDeniedHandler denied;

	private volatile AuthorizationManager<HttpServletRequest> rules;

	private UploadGate(AuthenticationEntryPoint signIn, AccessDeniedHandler denied) {
		this.signIn = signIn;
		this.denied = denied;
	}

	/**
	 * Puts a gate into the chain being built, ahead of its CSRF filter; hand the built chain to
	 * {@link #following} so that the gate uses the chain's rules.
	 */
	public static UploadGate before(HttpSecurity http, AuthenticationEntryPoint signIn, AccessDeniedHandler denied) {
		UploadGate gate = new UploadGate(signIn, denied);
		http.addFilterBefore(gate, CsrfFilter.class);
		return gate;
	}

	/** Takes the authorization rules of the built chain; returns the chain. */
	public DefaultSecurityFilterChain following(DefaultSecurityFilterChain chain) {
		this.rules = chain.getFilters()
			.stream()
			.filter(AuthorizationFilter.class::isInstance)
			.map(f -> ((AuthorizationFilter) f).getAuthorizationManager())
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("the chain has no authorization rules"));
		return chain;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String type = request.getContentType();
		return type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = contexts.getContext().getAuthentication();
		if (authentication == null || trust.isAnonymous(authentication)) {
			signIn.commence(request, refusal(response), new InsufficientAuthenticationException("upload without sign-in"));
			return;
		}
		AuthorizationResult result = rules.authorize(() -> authentication, request);
		if (result != null && !result.isGranted()) {
			denied.handle(request, refusal(response), new AccessDeniedException("upload refused by the chain's rules"));
			return;
		}
		chain.doFilter(request, response);
	}

	/**
	 * The answer to a refused upload. Its body stays unread, so the connection closes after the
	 * answer; and an error status is written here, not sent to the error page, because the
	 * error page's dispatch resolves the multipart request, which reads the whole body.
	 */
	private static HttpServletResponse refusal(HttpServletResponse response) {
		response.setHeader("Connection", "close");
		return new HttpServletResponseWrapper(response) {

			@Override
			public void sendError(int status, String message) throws IOException {
				sendError(status);
			}

			@Override
			public void sendError(int status) throws IOException {
				setStatus(status);
				setContentType("text/html;charset=UTF-8");
				setHeader("Cache-Control", "no-store");
				getOutputStream().write(PAGE.getBytes(StandardCharsets.UTF_8));
				flushBuffer();
			}
		};
	}

	private static final String PAGE = """
			<!DOCTYPE html><html lang="ja"><head><meta charset="UTF-8"><meta name="viewport" content="width=device-width, initial-scale=1">
			<title>送信できませんでした</title></head>
			<body><main><h1>送信できませんでした</h1>
			<p>このページにファイルを送信する権限がないか、ログインの有効期限が切れています。ログインし直してから、もう一度お試しください。</p></main></body></html>
			""";
}
