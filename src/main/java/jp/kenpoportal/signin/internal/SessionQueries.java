package jp.kenpoportal.signin.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

@Configuration(proxyBeanMethods = false)
class SessionQueries {

	/**
	 * Spring Session reads a member's sessions assuming each session's rows come together;
	 * without an ORDER BY, PostgreSQL may interleave them and a session comes back without
	 * its attributes (spring-projects/spring-session#3452, open).
	 */
	@Bean
	SessionRepositoryCustomizer<JdbcIndexedSessionRepository> orderedSessionsByPrincipal() {
		return repository -> repository.setListSessionsByPrincipalNameQuery("""
				SELECT S.PRIMARY_ID, S.SESSION_ID, S.CREATION_TIME, S.LAST_ACCESS_TIME, S.MAX_INACTIVE_INTERVAL,
				  SA.ATTRIBUTE_NAME, SA.ATTRIBUTE_BYTES
				FROM %TABLE_NAME% S
				LEFT JOIN %TABLE_NAME%_ATTRIBUTES SA ON S.PRIMARY_ID = SA.SESSION_PRIMARY_ID
				WHERE S.PRINCIPAL_NAME = ?
				ORDER BY S.PRIMARY_ID
				""");
	}
}
