package jp.kenpoportal.portal;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jp.kenpoportal.support.JteParityCheck;
import jp.kenpoportal.support.Journeys;
import jp.kenpoportal.support.Mailbox;
import jp.kenpoportal.support.PortalTest;
import jp.kenpoportal.support.TestBrowser;
import jp.kenpoportal.support.TestMembers;
import jp.kenpoportal.support.TestMembers.TestMember;
import jp.kenpoportal.tenant.Kenpo;
import jp.kenpoportal.tenant.KenpoDirectory;
import jp.kenpoportal.tenant.NewKenpo;
import jp.kenpoportal.tenant.PasswordRules;
import jp.kenpoportal.tenant.SecondFactor;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The お知らせ and help pages in the states no other test shows them, for the suite-wide comparison of each jte page
 * with its Thymeleaf twin ({@link JteParityCheck}, issue 14): no notice yet, then a notice of several paragraphs,
 * lines and links with characters to escape.
 */
@PortalTest
class NoticesTemplateParityTest {

	@LocalServerPort
	int port;

	@Autowired
	TestMembers members;

	@Autowired
	Mailbox mailbox;

	@Autowired
	Notices notices;

	@Autowired
	KenpoDirectory kenpos;

	@Test
	void anEmptyListAndANoticeWithParagraphsLinesAndLinksAreTheSameInBothEngines() {
		Kenpo kenpo = newKenpo();
		TestMember member = members.newMember(kenpo.code());
		TestBrowser browser = new TestBrowser(port, member.host());
		Journeys.onboard(browser, mailbox, member, "Parity-Notices-2026");
		long kenpoId = kenpo.id();

		assertCompared(browser, "/notices");
		long id = notices.publish(kenpoId, "重要 \"お知らせ\" & <告知> 'x'",
				"一段落目の一行目\n二行目 https://example.com/a?b=1&c=<2> です\n\n二段落目 'quote' & \"dq\"\nhttps://kenpo.example/info",
				Instant.now().minus(Duration.ofHours(2)), null);
		assertCompared(browser, "/notices");
		assertCompared(browser, "/notices/" + id);
		assertCompared(browser, "/notices");
		assertCompared(browser, "/faq");
		assertCompared(browser, "/privacy");
		assertCompared(browser, "/terms");
	}

	/** A kenpo of its own, without notices, offering every second factor and giving no phone number. */
	private Kenpo newKenpo() {
		String code = "parn" + System.nanoTime();
		Kenpo kenpo = kenpos.create(new NewKenpo(code, code + ".localhost", "パリティ \"試験\" & <健保>", "06130454",
				"t@example.com", null, 2, 4, Instant.now().plus(Duration.ofDays(30)),
				EnumSet.allOf(SecondFactor.class), SecondFactor.EMAIL_CODE, new PasswordRules(8, 64, "-_", Set.of()),
				List.of("medical")));
		kenpos.publishTerms(kenpo.id(), "利用規約 \"第1版\"", "第1条 <目的> & 'x'\n第2条");
		return kenpo;
	}

	/** The check answers 500 on a difference and keeps both pages in target/template-parity. */
	private static void assertCompared(TestBrowser browser, String path) {
		int checked = JteParityCheck.CHECKED.get();
		assertThat(browser.get(path).status()).as("%s (500: jte and Thymeleaf differ)", path).isEqualTo(200);
		assertThat(JteParityCheck.CHECKED.get()).as("the check compared %s", path).isGreaterThan(checked);
	}
}
