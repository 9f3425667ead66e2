package jp.kenpoportal.operations;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jp.kenpoportal.support.Journeys;
import jp.kenpoportal.support.Mailbox;
import jp.kenpoportal.support.PortalTest;
import jp.kenpoportal.support.TestBrowser;
import jp.kenpoportal.support.TestMembers;
import jp.kenpoportal.support.TestMembers.TestMember;
import jp.kenpoportal.support.Totp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No password, code, secret or mail address in any log line: member journeys with every factor,
 * wrong passwords and the demo accounts' initial passwords, with the portal's own loggers at
 * DEBUG and the request lines on, and then the log output searched for every secret that went
 * over the wire. (scripts/check-log-secrets.sh searches the whole test run's log for the demo ones.)
 */
@PortalTest
@ExtendWith(OutputCaptureExtension.class)
class LogSecretsTest {

	@LocalServerPort
	int port;

	@Autowired
	TestMembers members;

	@Autowired
	Mailbox mailbox;

	@Autowired
	LoggingSystem logging;

	@BeforeEach
	void everythingLogged() {
		logging.setLogLevel("jp.kenpoportal", LogLevel.DEBUG);
		logging.setLogLevel("jp.kenpoportal.request", LogLevel.INFO);
	}

	@AfterEach
	void usualLevels() {
		logging.setLogLevel("jp.kenpoportal", LogLevel.INFO);
		logging.setLogLevel("jp.kenpoportal.request", LogLevel.WARN);
	}

	@Test
	void journeysWithEveryKindOfSecretLeaveNoneInTheLog(CapturedOutput output) throws IOException {
		List<String> secrets = new ArrayList<>(demoSecrets());

		TestMember byMail = members.newMember("sakura");
		TestBrowser mailBrowser = new TestBrowser(port, byMail.host());
		String mailPassword = Journeys.onboard(mailBrowser, mailbox, byMail, "Secret-Mail-Pass-2026");
		Journeys.signInWithCode(new TestBrowser(port, byMail.host()), mailbox, byMail, mailPassword);
		secrets.addAll(List.of(mailPassword, byMail.initialPassword(), byMail.email()));
		mailbox.to(byMail.email()).forEach(mail -> secrets.add(mail.code()));

		TestMember byApp = members.newMember("kaede");
		String totpSecret = Journeys.onboardWithTotp(new TestBrowser(port, byApp.host()), mailbox, byApp,
				"Secret-App-Pass-2026");
		TestBrowser appBrowser = new TestBrowser(port, byApp.host());
		Journeys.signIn(appBrowser, byApp.loginId(), "Secret-App-Pass-2026");
		String totpCode = Totp.now(totpSecret);
		appBrowser.submit("/mfa/totp", Map.of("code", totpCode));
		secrets.addAll(List.of(totpSecret, totpCode, "Secret-App-Pass-2026", byApp.initialPassword(), byApp.email()));

		Journeys.signIn(new TestBrowser(port, byMail.host()), byMail.loginId(), "Wrong-Secret-Typed-1");
		Journeys.signIn(new TestBrowser(port, byMail.host()), "Secret-Pass-In-Id-Field", "Wrong-Secret-Typed-2");
		Journeys.signIn(new TestBrowser(port, "sakura.localhost"), "yamada.taro", "10123419790822");
		secrets.addAll(List.of("Wrong-Secret-Typed-1", "Wrong-Secret-Typed-2", "Secret-Pass-In-Id-Field"));

		String log = output.getAll();
		assertThat(log).as("the request lines were on").contains("POST /login 302");
		for (String secret : secrets) {
			assertThat(log).as("a log line holds a secret").doesNotContainIgnoringCase(secret);
		}
	}

	static List<String> demoSecrets() throws IOException {
		try (InputStream in = LogSecretsTest.class.getResourceAsStream("/demo-secrets.txt")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
				.filter(line -> !line.isBlank() && !line.startsWith("#"))
				.toList();
		}
	}
}
