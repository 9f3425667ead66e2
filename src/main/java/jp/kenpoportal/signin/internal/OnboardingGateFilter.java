package jp.kenpoportal.signin.internal;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import jp.kenpoportal.signin.SignedInAccount;
import jp.kenpoportal.signin.onboarding.OnboardingSteps;
import jp.kenpoportal.tenant.CurrentKenpo;

import org.springframework.web.filter.OncePerRequestFilter;

/** A member with a pending onboarding step reaches nothing but that step (and sign-out). */
class OnboardingGateFilter extends OncePerRequestFilter {

	private static final List<String> OPEN_PREFIXES = List.of("/onboarding", "/email/verify", "/mfa/", "/passkeys/",
			"/css/", "/js/", "/images/", "/favicon", "/error", "/dev/");

	/** The sign-in pages, and the help a member may need at any step (よくあるご質問, プライバシーポリシー). */
	private static final List<String> OPEN_PATHS = List.of("/login", "/logout", "/faq", "/privacy");

	private final SignedInAccount signedIn;

	private final OnboardingSteps steps;

	OnboardingGateFilter(SignedInAccount signedIn, OnboardingSteps steps) {
		this.signedIn = signedIn;
		this.steps = steps;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return OPEN_PATHS.contains(path) || OPEN_PREFIXES.stream().anyMatch(path::startsWith);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Optional<String> pending = signedIn.find()
			.flatMap(account -> CurrentKenpo.of(request).flatMap(kenpo -> steps.firstPending(account, kenpo)))
			.map(step -> step.path());
		if (pending.isPresent()) {
			response.sendRedirect(request.getContextPath() + "/onboarding");
			return;
		}
		chain.doFilter(request, response);
	}
}
