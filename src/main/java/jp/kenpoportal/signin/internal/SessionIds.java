package jp.kenpoportal.signin.internal;

import java.security.SecureRandom;
import java.util.Base64;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.SessionIdGenerator;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * Session IDs of 216 random bits (27 bytes from {@link SecureRandom}, base64url: 36 characters,
 * the width of {@code spring_session.session_id}). Spring Session's default, a random UUID,
 * holds 122 random bits; OWASP ASVS 5.0 7.2.3 asks for at least 128.
 */
@Configuration(proxyBeanMethods = false)
class SessionIds {

	static final int RANDOM_BYTES = 27;

	private static final SecureRandom RANDOM = new SecureRandom();

	@Bean
	SessionRepositoryCustomizer<JdbcIndexedSessionRepository> longRandomSessionIds() {
		return repository -> repository.setSessionIdGenerator(SessionIds::next);
	}

	static String next() {
		byte[] bytes = new byte[RANDOM_BYTES];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}
}
