package jp.kenpoportal.common;

import java.util.ArrayList;
import java.util.List;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Refuses to start a deployment on a real database with settings that are only safe on the
 * embedded defaults: an in-process SMTP server whose mailbox page shows every code, a
 * master key generated per node, or mail links over plain HTTP.
 */
@Component
class ProductionReadiness {

	ProductionReadiness(Environment env) {
		if (env.getProperty("spring.datasource.url", "").isBlank()) {
			return;
		}
		List<String> problems = new ArrayList<>();
		if (env.getProperty("spring.mail.host", "").isBlank()
				&& !env.getProperty("portal.allow-embedded-smtp", Boolean.class, false)) {
			problems.add("SPRING_MAIL_HOST is not set: the embedded SMTP server and its mailbox page are for development");
		}
		if (env.getProperty("portal.master-key", "").isBlank()) {
			problems.add("PORTAL_MASTER_KEY is not set: every node would generate its own key");
		}
		if (!env.getProperty("portal.public-url-template", "").startsWith("https://")
				&& !env.getProperty("portal.allow-http-links", Boolean.class, false)) {
			problems.add("PORTAL_PUBLIC_URL_TEMPLATE must start with https:// (links in mails carry one-time tokens)");
		}
		String database = env.getProperty("spring.datasource.url", "");
		if (!onThisMachine(database) && !verifiesCertificate(database, env)
				&& !env.getProperty("portal.allow-unverified-database-tls", Boolean.class, false)) {
			problems.add("the database URL must carry sslmode=verify-full (or verify-ca): the PostgreSQL driver's default "
					+ "encrypts, if it can, without checking whose certificate it got (ASVS 12.3.2)");
		}
		if (!problems.isEmpty()) {
			throw new IllegalStateException("Not starting with a database URL set: " + String.join("; ", problems));
		}
	}

	/** {@code jdbc:postgresql://host[:port][,host…]/db?…}: true when every host is this machine (or none is named). */
	static boolean onThisMachine(String url) {
		String rest = url.replaceFirst("^jdbc:postgresql:", "");
		if (!rest.startsWith("//")) {
			return true;
		}
		String hosts = rest.substring(2).split("[/?]", 2)[0];
		for (String host : hosts.split(",")) {
			String name = host.startsWith("[") ? host.substring(1, host.indexOf(']')) : host.split(":", 2)[0];
			if (!(name.isEmpty() || name.equals("localhost") || name.startsWith("127.") || name.equals("::1"))) {
				return false;
			}
		}
		return true;
	}

	private static boolean verifiesCertificate(String url, Environment env) {
		String sslmode = env.getProperty("spring.datasource.hikari.data-source-properties.sslmode", "");
		return url.matches(".*[?&]sslmode=verify-(full|ca)(&.*)?$") || sslmode.matches("verify-(full|ca)");
	}
}
