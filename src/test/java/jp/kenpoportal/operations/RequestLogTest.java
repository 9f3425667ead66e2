package jp.kenpoportal.operations;

import jp.kenpoportal.support.Journeys;
import jp.kenpoportal.support.Mailbox;
import jp.kenpoportal.support.PortalTest;
import jp.kenpoportal.support.TestBrowser;
import jp.kenpoportal.support.TestBrowser.Page;
import jp.kenpoportal.support.TestMembers;
import jp.kenpoportal.support.TestMembers.TestMember;
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
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

/** One log line per request, with the ID that the error page shows the member. */
@PortalTest
@ExtendWith(OutputCaptureExtension.class)
class RequestLogTest {

	@LocalServerPort
	int port;

	@Autowired
	TestMembers members;

	@Autowired
	Mailbox mailbox;

	@Autowired
	LoggingSystem logging;

	@BeforeEach
	void requestLinesOn() {
		logging.setLogLevel("jp.kenpoportal.request", LogLevel.INFO);
	}

	@AfterEach
	void requestLinesOff() {
		logging.setLogLevel("jp.kenpoportal.request", LogLevel.WARN);
	}

	@Test
	void eachRequestLogsOneLineWithItsRouteTemplateStatusAndId(CapturedOutput output) {
		Page page = new TestBrowser(port, "sakura.localhost").get("/login?next=secret-token-in-query");
		String id = page.header("X-Request-Id");

		assertThat(id).matches("[2-9A-HJ-NP-Z]{10}");
		assertThat(output.getOut().lines().filter(line -> line.contains(id)))
			.singleElement()
			.satisfies(line -> assertThat(line).contains("[" + id + "]", "GET /login 200", "host=sakura.localhost")
				.doesNotContain("secret-token-in-query"));
	}

	@Test
	void theErrorPageShowsTheRequestIdOfItsLogLine(CapturedOutput output) {
		TestMember member = members.newMember("sakura");
		TestBrowser browser = new TestBrowser(port, member.host());
		Journeys.onboard(browser, mailbox, member, "Kenpo-RequestId-2026");

		Page page = browser.get("/no-such-page/yamada.taro");
		String id = page.header("X-Request-Id");

		assertThat(page.status()).isEqualTo(404);
		assertThat(page.text()).contains("受付番号「" + id + "」");
		assertThat(output.getOut().lines().filter(line -> line.contains("[" + id + "] ")))
			.anyMatch(line -> line.contains("jp.kenpoportal.request") && line.contains(" 404 "));
		assertThat(output.getOut().lines().filter(line -> line.contains(id)))
			.noneMatch(line -> line.contains("yamada.taro"));
	}

	@Test
	void anIdFromTheLoadBalancerIsKeptAndAForgedOneReplaced() {
		MockHttpServletRequest balanced = new MockHttpServletRequest();
		balanced.addHeader("X-Request-Id", "haproxy-0a1b2c3d");
		MockHttpServletRequest forged = new MockHttpServletRequest();
		forged.addHeader("X-Request-Id", "x\nGET /admin 200 1ms host=evil");

		assertThat(RequestId.assign(balanced)).isEqualTo("haproxy-0a1b2c3d");
		assertThat(RequestId.assign(forged)).matches("[2-9A-HJ-NP-Z]{10}");
		assertThat(RequestId.of(forged)).isEqualTo(forged.getAttribute(RequestId.ATTRIBUTE));
	}
}
