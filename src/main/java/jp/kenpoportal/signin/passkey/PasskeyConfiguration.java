package jp.kenpoportal.signin.passkey;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.security.web.webauthn.management.JdbcUserCredentialRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;

@Configuration(proxyBeanMethods = false)
class PasskeyConfiguration {

	/** Passkeys in PostgreSQL, in Spring Security's own table layout. */
	@Bean
	UserCredentialRepository userCredentialRepository(JdbcOperations jdbc) {
		return new JdbcUserCredentialRepository(jdbc);
	}
}
