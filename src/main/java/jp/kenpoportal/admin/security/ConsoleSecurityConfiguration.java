package jp.kenpoportal.admin.security;

import java.time.Clock;

import jp.kenpoportal.admin.ConsoleSettings;
import jp.kenpoportal.audit.AuditTrail;
import jp.kenpoportal.audit.AuditType;
import jp.kenpoportal.common.ConsoleHost;
import jp.kenpoportal.signin.SecurityHeaders;
import jp.kenpoportal.signin.UploadGate;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authorization.AllAuthoritiesAuthorizationManager;
import org.springframework.security.authorization.DefaultAuthorizationManagerFactory;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.security.web.context.SecurityContextHolderFilter;

/**
 * The console's own security, for requests to the console host only (the member chain
 * skips that host). Sign-in is the password, then the authenticator app, which brings the
 * role; every page but sign-in needs both factors, and each area its roles. The kenpo is
 * checked by every page through {@link CurrentStaff}.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleSecurityConfiguration {

	@Bean
	@Order(2)
	SecurityFilterChain consoleSecurity(HttpSecurity http, ConsoleHost console, ConsoleSession session,
			CurrentStaff current, ConsoleSettings settings, AuditTrail audit, Clock clock, StoppedKenpos stoppedKenpos)
			throws Exception {
		DefaultAuthorizationManagerFactory<RequestAuthorizationContext> staff = new DefaultAuthorizationManagerFactory<>();
		LoginUrlAuthenticationEntryPoint signIn = new LoginUrlAuthenticationEntryPoint("/login");
		ConsoleAccessDenied denied = new ConsoleAccessDenied(session, audit);
		staff.setAdditionalAuthorization(AllAuthoritiesAuthorizationManager
			.hasAllAuthorities(FactorGrantedAuthority.PASSWORD_AUTHORITY, ConsoleSession.SECOND_FACTOR));
		http.securityMatcher(console::matches)
			.authorizeHttpRequests(a -> a.requestMatchers("/login", "/invitation", "/error")
				.permitAll()
				.requestMatchers("/mfa", "/mfa/**")
				.authenticated()
				// staff passkeys (issue 10): the WebAuthn ceremonies of the second step, after the password
				.requestMatchers("/passkeys/**")
				.authenticated()
				.requestMatchers("/kenpos/**")
				.access(staff.hasRole("OPERATOR"))
				.requestMatchers("/staff/**")
				.access(staff.hasAnyRole("OPERATOR", "ADMIN"))
				.requestMatchers("/settings/**")
				.access(staff.hasAnyRole("OPERATOR", "ADMIN"))
				.requestMatchers("/members/**")
				.access(staff.hasAnyRole("OPERATOR", "ADMIN", "CLERK"))
				.requestMatchers("/audit", "/audit.csv")
				.access(staff.hasAnyRole("OPERATOR", "ADMIN", "VIEWER"))
				.requestMatchers("/dashboard", "/dashboard/**")
				.access(staff.hasAnyRole("OPERATOR", "ADMIN", "CLERK", "VIEWER"))
				.requestMatchers("/notices", "/notices/**")
				.access(staff.hasAnyRole("OPERATOR", "ADMIN", "CLERK"))
				// 仮ユーザID・仮パスワード letters (issue 11, admin.letters)
				.requestMatchers("/letters", "/letters/**")
				.access(staff.hasAnyRole("OPERATOR", "ADMIN", "CLERK"))
				// インフルエンザ予防接種補助 (issue 12): rules by 管理者, review and batches by 担当者 too
				.requestMatchers("/flu/rules", "/flu/rules/**")
				.access(staff.hasAnyRole("OPERATOR", "ADMIN"))
				.requestMatchers("/flu", "/flu/**")
				.access(staff.hasAnyRole("OPERATOR", "ADMIN", "CLERK"))
				// データ取込 (issue 11): uploads by 担当者 and above, the import API's clients by 管理者
				.requestMatchers("/imports/clients", "/imports/clients/**")
				.access(staff.hasAnyRole("OPERATOR", "ADMIN"))
				.requestMatchers("/imports", "/imports/**")
				.access(staff.hasAnyRole("OPERATOR", "ADMIN", "CLERK"))
				.anyRequest()
				.access(staff.hasAnyRole("OPERATOR", "ADMIN", "CLERK", "VIEWER")))
			.securityContext(c -> c.securityContextRepository(session.contexts()))
			.requestCache(r -> r.disable())
			.formLogin(f -> f.disable())
			.httpBasic(b -> b.disable())
			.rememberMe(r -> r.disable())
			.logout(l -> l.logoutUrl("/logout").addLogoutHandler(auditSignOut(audit)).logoutSuccessUrl("/login?signedOut"))
			.exceptionHandling(e -> e.authenticationEntryPoint(signIn).accessDeniedHandler(denied))
			.addFilterAfter(new ConsoleSessionFilter(session, current, settings, audit, clock, stoppedKenpos),
					SecurityContextHolderFilter.class);
		// an upload (データ取込: up to 2.2 GB) the rules above refuse is answered before its body is read
		UploadGate gate = UploadGate.before(http, signIn, denied);
		return gate.following(SecurityHeaders.apply(http).build());
	}

	private static LogoutHandler auditSignOut(AuditTrail audit) {
		return (request, response, authentication) -> {
			if (authentication != null && authentication.getPrincipal() instanceof StaffPrincipal p) {
				audit.recordStaff(p.kenpoId(), null, p.staffId(), AuditType.STAFF_SIGNED_OUT, null);
			}
		};
	}
}
