package jp.kenpoportal.signin.profile;

import java.nio.file.Files;
import java.nio.file.Path;

import com.icegreen.greenmail.util.GreenMail;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jp.kenpoportal.KenpoPortalApplication;
import jp.kenpoportal.support.Journeys;
import jp.kenpoportal.support.Mailbox;
import jp.kenpoportal.support.PortalTest;
import jp.kenpoportal.support.TestBrowser;
import jp.kenpoportal.support.TestMembers;
import jp.kenpoportal.support.TestMembers.TestMember;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/** Two portal nodes on one database: sessions, sign-outs and codes are shared through PostgreSQL. */
@PortalTest
class SecondNodeTest {

	@LocalServerPort
	int port;

	@Autowired
	TestMembers members;

	@Autowired
	Mailbox mailbox;

	@Autowired
	EmbeddedPostgres postgres;

	@Autowired
	GreenMail smtp;

	@Value("${portal.data-dir}")
	String dataDir;

	@Test
	void whenTheMemberSignsOutOtherDevicesOnOneNodeThenTheSessionOnTheOtherNodeEnds() throws Exception {
		try (ConfigurableApplicationContext node2 = startSecondNode()) {
			int port2 = Integer.parseInt(node2.getEnvironment().getProperty("local.server.port"));
			TestMember member = members.newMember("sakura");
			TestBrowser onNode1 = new TestBrowser(port, member.host());
			Journeys.onboard(onNode1, mailbox, member, "Two-Nodes-2026");

			TestBrowser onNode2 = new TestBrowser(port2, member.host());
			Journeys.signInWithCode(onNode2, mailbox, member, "Two-Nodes-2026");
			TestBrowser node1SessionOnNode2 = new TestBrowser(port2, member.host());
			node1SessionOnNode2.setCookie("KENPO_SESSION", onNode1.cookie("KENPO_SESSION"));
			assertThat(node1SessionOnNode2.get("/").heading()).isEqualTo("ホーム");

			onNode2.get("/profile");
			onNode2.submit("/profile/sessions/end-others", java.util.Map.of());

			assertThat(onNode1.get("/").path()).isEqualTo("/login");
			assertThat(onNode2.get("/").heading()).isEqualTo("ホーム");
			// node 2 sends through a configured SMTP host: no embedded server, no dev mailbox
			assertThat(new TestBrowser(port2, "localhost").get("/dev/mailbox").status()).isEqualTo(404);
		}
	}

	private ConfigurableApplicationContext startSecondNode() throws Exception {
		String masterKey = Files.readString(Path.of(dataDir, "master.key")).strip();
		// command-line arguments: they outrank application.yml, as a real second node's settings would
		return new SpringApplicationBuilder(KenpoPortalApplication.class).profiles("test")
			.run("--server.port=0", "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
					"--spring.datasource.username=postgres", "--spring.mail.host=127.0.0.1",
					"--spring.mail.port=" + smtp.getSmtp().getServerSetup().getPort(), "--portal.master-key=" + masterKey,
					"--portal.data-dir=" + dataDir + "-node2", "--portal.public-url-template=https://{host}");
	}
}
