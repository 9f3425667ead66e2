package jp.kenpoportal.common;

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
		MockEnvironment env = new MockEnvironment().withProperty("spring.datasource.url", "jdbc:postgresql://db/kenpo")
			.withProperty("spring.mail.host", "smtp.internal")
			.withProperty("portal.master-key", "c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNlY3JldA==")
			.withProperty("portal.public-url-template", "https://{host}");

		assertThatCode(() -> new ProductionReadiness(env)).doesNotThrowAnyException();
	}
}
