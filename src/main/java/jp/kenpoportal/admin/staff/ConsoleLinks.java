package jp.kenpoportal.admin.staff;

import jp.kenpoportal.common.ConsoleHost;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Links to the console for mails and the bootstrap command: {@code PORTAL_CONSOLE_PUBLIC_URL}
 * if set, else the members' {@code PORTAL_PUBLIC_URL_TEMPLATE} with the console's host.
 */
@Component
public class ConsoleLinks {

	private final String baseUrl;

	ConsoleLinks(@Value("${portal.console.public-url:}") String configured,
			@Value("${portal.public-url-template}") String template, ConsoleHost host) {
		String base = configured.isBlank() ? template.replace("{host}", host.host()) : configured.strip();
		this.baseUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
	}

	public String baseUrl() {
		return baseUrl;
	}

	public String invitation(String token) {
		return baseUrl + "/invitation?token=" + token;
	}
}
