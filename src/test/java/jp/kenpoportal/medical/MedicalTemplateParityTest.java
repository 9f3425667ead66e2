package jp.kenpoportal.medical;

import java.time.LocalDate;

import jp.kenpoportal.support.JteParityCheck;
import jp.kenpoportal.support.Journeys;
import jp.kenpoportal.support.Mailbox;
import jp.kenpoportal.support.PortalTest;
import jp.kenpoportal.support.TestBrowser;
import jp.kenpoportal.support.TestMembers;
import jp.kenpoportal.support.TestMembers.TestMember;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The 医療費 pages in the states no other test shows them, for the suite-wide comparison of each jte page with its
 * Thymeleaf twin ({@link JteParityCheck}, issue 14): a household without any claim yet.
 */
@PortalTest
class MedicalTemplateParityTest {

	private static final int YEAR = LocalDate.now().getYear() - 1;

	@LocalServerPort
	int port;

	@Autowired
	TestMembers members;

	@Autowired
	Mailbox mailbox;

	@Test
	void theEmptyPageAndAMonthWithoutClaimsAreTheSameInBothEngines() {
		TestMember household = members.newHousehold("sakura");
		TestBrowser browser = new TestBrowser(port, household.host());
		Journeys.onboard(browser, mailbox, household, "Parity-Medical-2026");

		assertCompared(browser, "/medical");
		assertCompared(browser, "/medical/" + YEAR + "/4");
		assertCompared(browser, "/medical/" + YEAR + "/4?person=01");
	}

	/** The check answers 500 on a difference and keeps both pages in target/template-parity. */
	static void assertCompared(TestBrowser browser, String path) {
		int checked = JteParityCheck.CHECKED.get();
		assertThat(browser.get(path).status()).as("%s (500: jte and Thymeleaf differ)", path).isEqualTo(200);
		assertThat(JteParityCheck.CHECKED.get()).as("the check compared %s", path).isGreaterThan(checked);
	}
}
