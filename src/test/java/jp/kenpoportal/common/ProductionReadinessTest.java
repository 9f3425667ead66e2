package jp.kenpoportal.common;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProductionReadinessTest {

	@Test
	void whenNoDatabaseIsConfiguredThenTheEmbeddedDefaultsAreFine() {
		assertThatCode(() -> new ProductionReadiness(new MockEnvironment())).doesNotThrowAnyException();
	}

	@Test
	void whenARealDatabaseIsConfiguredWithoutMailHostKeyOrHttpsLinksThenItRefusesToStart() {
		MockEnvironment env = new MockEnvironment().withProperty("spring.datasource.url", "jdbc:postgresql://db/kenpo")
			.withProperty("portal.public-url-template", "http://{host}:8080");

		assertThatThrownBy(() -> new ProductionReadiness(env)).hasMessageContaining("SPRING_MAIL_HOST")
			.hasMessageContaining("PORTAL_MASTER_KEY")
			.hasMessageContaining("https://");
	}

	@Test
	void whenEverythingIsSetThenItStarts() {
		MockEnvironment env = new MockEnvironment().withProperty("spring.datasource.url", "jdbc:postgresql://db/kenpo?sslmode=verify-full")
			.withProperty("spring.mail.host", "smtp.internal")
			.withProperty("portal.master-key", "c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNlY3JldA==")
			.withProperty("portal.public-url-template", "https://{host}");

		assertThatCode(() -> new ProductionReadiness(env)).doesNotThrowAnyException();
	}

	/** ASVS 12.3.2: the driver's default sslmode (prefer) would take any certificate from a database elsewhere. */
	@Test
	void whenTheDatabaseIsOnAnotherMachineWithoutVerifyFullThenItRefusesToStart() {
		for (String url : List.of("jdbc:postgresql://db.internal/kenpo", "jdbc:postgresql://db.internal:5432/kenpo?sslmode=require",
				"jdbc:postgresql://127.0.0.1:5432,db2.internal:5432/kenpo?sslmode=prefer")) {
			MockEnvironment env = ready().withProperty("spring.datasource.url", url);
			assertThatThrownBy(() -> new ProductionReadiness(env)).as(url).hasMessageContaining("sslmode=verify-full");
		}
		for (String url : List.of("jdbc:postgresql://db.internal/kenpo?sslmode=verify-full",
				"jdbc:postgresql://db.internal/kenpo?ssl=true&sslmode=verify-ca", "jdbc:postgresql://127.0.0.1:55432/postgres",
				"jdbc:postgresql://localhost/kenpo", "jdbc:postgresql://[::1]:5432/kenpo")) {
			MockEnvironment env = ready().withProperty("spring.datasource.url", url);
			assertThatCode(() -> new ProductionReadiness(env)).as(url).doesNotThrowAnyException();
		}
		assertThatCode(() -> new ProductionReadiness(ready().withProperty("spring.datasource.url", "jdbc:postgresql://db.internal/kenpo")
			.withProperty("spring.datasource.hikari.data-source-properties.sslmode", "verify-full"))).doesNotThrowAnyException();
	}

	private static MockEnvironment ready() {
		return new MockEnvironment().withProperty("spring.mail.host", "smtp.internal")
			.withProperty("portal.master-key", "c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNlY3JldA==")
			.withProperty("portal.public-url-template", "https://{host}");
	}
}
