package jp.kenpoportal.admin.imports;

import java.util.List;

import jp.kenpoportal.audit.AuditTrail;
import jp.kenpoportal.audit.AuditType;
import jp.kenpoportal.common.ConsoleHost;
import jp.kenpoportal.signin.RateLimits;
import jp.kenpoportal.signin.SecurityHeaders;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The import API on the console host ({@code /api/imports/**}), for the core system's nightly
 * job: HTTP Basic with the kenpo's API client ID and secret, over HTTPS in production. A standard
 * every HTTP client and curl speak, with nothing to run beside the portal; OAuth 2.0 client
 * credentials would add a token endpoint and token lifetimes for a client that sends one request
 * a night. No session and no cookie: each request carries its credentials, so there is no
 * ambient authority for a cross-site request to ride on, hence no CSRF token. A wrong ID or
 * secret answers 401, audited; the answer does not say which was wrong.
 */
@Configuration(proxyBeanMethods = false)
class ImportApiSecurity {

	static final String ROLE = "IMPORT_CLIENT";

	@Bean
	@Order(0)
	SecurityFilterChain importApi(HttpSecurity http, ConsoleHost console, ApiClients clients, AuditTrail audit,
			RateLimits limits) throws Exception {
		BasicAuthenticationEntryPoint entryPoint = new BasicAuthenticationEntryPoint();
		entryPoint.setRealmName("kenpo-imports");
		entryPoint.afterPropertiesSet();
		http.securityMatcher(request -> console.matches(request) && request.getRequestURI().startsWith("/api/imports"))
			.authorizeHttpRequests(a -> a.anyRequest().hasRole(ROLE))
			.authenticationManager(manager(clients, audit, limits))
			.httpBasic(b -> b.realmName("kenpo-imports").authenticationEntryPoint(entryPoint))
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.securityContext(c -> c.securityContextRepository(new RequestAttributeSecurityContextRepository()))
			.csrf(c -> c.disable())
			.requestCache(r -> r.disable())
			.formLogin(f -> f.disable())
			.logout(l -> l.disable())
			.exceptionHandling(e -> e.authenticationEntryPoint(entryPoint));
		return SecurityHeaders.apply(http).build();
	}

	private static AuthenticationManager manager(ApiClients clients, AuditTrail audit, RateLimits limits) {
		return authentication -> {
			// failures per client address, as for sign-ins: a flood of wrong secrets neither fills
			// the audit trail nor costs a lookup once the address is throttled
			String address = "api:" + clientAddress();
			if (limits.exhausted(RateLimits.Limit.SIGN_IN_FAILURES_PER_ADDRESS, address)) {
				throw new BadCredentialsException("too many failures from this address");
			}
			String id = authentication.getName();
			String secret = authentication.getCredentials() == null ? null : authentication.getCredentials().toString();
			return clients.authenticate(id, secret)
				.map(c -> UsernamePasswordAuthenticationToken.authenticated(
						new ApiClientPrincipal(c.id(), c.kenpoId(), c.clientId()), null,
						List.of(new SimpleGrantedAuthority("ROLE_" + ROLE))))
				.orElseThrow(() -> {
					limits.tryAcquire(RateLimits.Limit.SIGN_IN_FAILURES_PER_ADDRESS, address);
					audit.record(null, null, AuditType.IMPORT_API_REFUSED, "client=" + shown(id));
					return new BadCredentialsException("unknown client or wrong secret");
				});
		};
	}

	private static String clientAddress() {
		return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
				? attributes.getRequest().getRemoteAddr() : "unknown";
	}

	private static String shown(String id) {
		String s = id == null ? "" : id.replaceAll("[^0-9A-Za-z._@-]", "?");
		return s.length() > 40 ? s.substring(0, 40) : s;
	}
}
