package jp.kenpoportal.operations;

import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The management port (health probes, Prometheus) is open to whoever reaches it: it listens on
 * 127.0.0.1 unless the operator binds it elsewhere (management.server.address), and shows no
 * personal data. With a port of its own, {@link EndpointRequest} matches only requests to that
 * port, so the same paths on the member port stay behind the member chain. No session, no
 * cookie: a load balancer's check every second must not fill the session table.
 */
@Configuration(proxyBeanMethods = false)
class ManagementSecurityConfiguration {

	@Bean
	@Order(0)
	SecurityFilterChain managementSecurity(HttpSecurity http) throws Exception {
		http.securityMatcher(EndpointRequest.toAnyEndpoint())
			.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			.securityContext(context -> context.disable())
			.csrf(csrf -> csrf.disable());
		return http.build();
	}
}
