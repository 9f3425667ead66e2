package jp.kenpoportal.signin.internal;

import jp.kenpoportal.audit.AuditTrail;
import jp.kenpoportal.audit.AuditType;
import jp.kenpoportal.common.ConsoleHost;
import jp.kenpoportal.common.SecuritySettings;
import jp.kenpoportal.signin.MemberPrincipal;
import jp.kenpoportal.signin.QualificationAccess;
import jp.kenpoportal.signin.SecurityHeaders;
import jp.kenpoportal.signin.SignedInAccount;
import jp.kenpoportal.signin.SignedInHousehold;
import jp.kenpoportal.signin.UploadGate;
import jp.kenpoportal.signin.onboarding.OnboardingSteps;
import jp.kenpoportal.tenant.SecondFactor;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authorization.DefaultAuthorizationManagerFactory;
import org.springframework.security.authorization.RequiredAuthoritiesAuthorizationManager;
import org.springframework.security.config.annotation.authorization.EnableMultiFactorAuthentication;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.security.web.context.NullSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.session.security.web.authentication.SpringSessionRememberMeServices;

/**
 * The member-facing security: password first, then the member's second factor, onboarding
 * pages with the password alone, everything else with both.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableMultiFactorAuthentication(authorities = {})
class SecurityConfiguration {

	static final String REMEMBER_ME_PARAMETER = "rememberMe";

	/** The portal's own static files: the same for everyone, served without a session. */
	static final String[] STATIC_RESOURCES = { "/css/**", "/js/**", "/images/**", "/favicon.ico" };

	/** The same paths as servlet URL patterns ({@link SessionlessStaticResources}). */
	static final String[] STATIC_URL_PATTERNS = { "/css/*", "/js/*", "/images/*", "/favicon.ico" };

	/**
	 * Static files: open to everyone, with the same security headers as every page, but never
	 * reading the session ({@link SessionlessStaticResources} hides it from them). In the member
	 * chain, the remember-me filter asks for the security context of every request, which
	 * loads the session. Here the context repository is a null one, and nothing asks for the
	 * context: no remember-me, request cache, session management or anonymous token (whose
	 * details read the session ID). CSRF stays (it is lazy, and GET is safe anyway).
	 */
	@Bean
	@Order(1)
	SecurityFilterChain staticResources(HttpSecurity http) throws Exception {
		http.securityMatcher(STATIC_RESOURCES)
			.authorizeHttpRequests(a -> a.anyRequest().permitAll())
			.securityContext(c -> c.securityContextRepository(new NullSecurityContextRepository()))
			.sessionManagement(s -> s.disable())
			.requestCache(r -> r.disable())
			.anonymous(a -> a.disable())
			.logout(l -> l.disable());
		return securityHeaders(http).build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain memberSecurity(HttpSecurity http, FactorRequirements requirements,
			SecurityContextRepository contexts,
			SpringSessionRememberMeServices rememberMe, SignInSuccessHandler successes, SignInFailureHandler failures,
			AuditTrail audit,
			SignedInAccount signedIn, OnboardingSteps steps, SignedInHousehold households,
			QualificationAccess qualificationAccess, ConsoleHost console) throws Exception {
		DefaultAuthorizationManagerFactory<RequestAuthorizationContext> member = new DefaultAuthorizationManagerFactory<>();
		member.setAdditionalAuthorization(new RequiredAuthoritiesAuthorizationManager<>(requirements));
		// every host but the staff console's, which has a chain of its own (admin module)
		http.securityMatcher(request -> !console.matches(request))
			.authorizeHttpRequests(a -> a
				.requestMatchers("/error", "/login", "/faq", "/privacy",
						"/forgot-user-id", "/forgot-password", "/reset-password", "/email/verify", "/dev/**", "/passkeys/authenticate/**",
						"/passkeys/authenticate")
				.permitAll()
				.requestMatchers("/mfa/**", "/passkeys/register/**", "/passkeys/register").authenticated()
				.anyRequest().access(member.authenticated()))
			.securityContext(c -> c.securityContextRepository(contexts))
			.formLogin(f -> f.loginPage("/login")
				.usernameParameter("userId")
				.passwordParameter("password")
				.successHandler(successes)
				.failureHandler(failures))
			.rememberMe(r -> r.rememberMeServices(rememberMe))
			.logout(l -> l.logoutUrl("/logout")
				.addLogoutHandler(auditSignOut(audit))
				.logoutSuccessUrl("/login?signedOut"))
			.exceptionHandling(e -> {
				for (SecondFactor factor : SecondFactor.values()) {
					e.defaultDeniedHandlerForMissingAuthority(new LoginUrlAuthenticationEntryPoint(factor.signInPath()),
							factor.authority());
				}
			})
			.addFilterAfter(new OnboardingGateFilter(signedIn, steps), AuthorizationFilter.class)
			.addFilterBefore(new QualificationAccessFilter(signedIn, households, qualificationAccess),
					AuthorizationFilter.class);
		// an upload (flu receipts, up to 40 MB) without a signed-in member is answered before its body is read
		UploadGate gate = UploadGate.before(http, new LoginUrlAuthenticationEntryPoint("/login"),
				new AccessDeniedHandlerImpl());
		return gate.following(securityHeaders(http).build());
	}

	/** The headers every response carries, pages and static files alike. */
	private static HttpSecurity securityHeaders(HttpSecurity http) throws Exception {
		return SecurityHeaders.apply(http);
	}

	/**
	 * No Micrometer observations of Spring Security's filter chains, authentications and
	 * authorizations: they decorate every filter of every chain with an observation of its own
	 * on every request (issue 14: README, "Page views: the floor"), and nothing reads them. Requests are still observed
	 * per route (http.server.requests), sign-ins by the portal's own counters.
	 */
	@Bean
	static SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	SecurityContextRepository securityContextRepository() {
		return new KenpoBoundSecurityContextRepository();
	}

	/**
	 * ログイン状態の保存: the session itself lives for the remembered period (Spring Session), and
	 * no longer ({@link SessionLifetime}).
	 */
	@Bean
	SpringSessionRememberMeServices rememberMeServices(SecuritySettings settings) {
		SpringSessionRememberMeServices services = new SpringSessionRememberMeServices();
		services.setRememberMeParameterName(REMEMBER_ME_PARAMETER);
		services.setValiditySeconds((int) settings.rememberMeDuration().toSeconds());
		return services;
	}

	private static LogoutHandler auditSignOut(AuditTrail audit) {
		return (request, response, authentication) -> {
			if (authentication != null && authentication.getPrincipal() instanceof MemberPrincipal p) {
				audit.record(p.kenpoId(), p.accountId(), AuditType.SIGNED_OUT);
			}
		};
	}
}
