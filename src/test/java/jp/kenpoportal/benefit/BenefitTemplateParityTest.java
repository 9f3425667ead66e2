package jp.kenpoportal.benefit;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import jp.kenpoportal.support.JteParityCheck;
import jp.kenpoportal.support.Journeys;
import jp.kenpoportal.support.Mailbox;
import jp.kenpoportal.support.PortalTest;
import jp.kenpoportal.support.ServiceData;
import jp.kenpoportal.support.TestBrowser;
import jp.kenpoportal.support.TestMembers;
import jp.kenpoportal.support.TestMembers.TestMember;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The 支給決定 pages in the states no other test shows them, for the suite-wide comparison of each jte page with
 * its Thymeleaf twin ({@link JteParityCheck}, issue 14): no decision yet, then a 世帯合算 decision without a
 * provider and a 療養費 with its 費用額.
 */
@PortalTest
class BenefitTemplateParityTest {

	private static final YearMonth MAY = YearMonth.of(LocalDate.now().getYear() - 1, 5);

	@LocalServerPort
	int port;

	@Autowired
	TestMembers members;

	@Autowired
	Mailbox mailbox;

	@Autowired
	ServiceData data;

	@Test
	void anEmptyListACombinedDecisionAndAReimbursedCostAreTheSameInBothEngines() {
		TestMember household = members.newHousehold("sakura");
		TestBrowser browser = new TestBrowser(port, household.host());
		Journeys.onboard(browser, mailbox, household, "Parity-Benefit-2026");

		assertCompared(browser, "/benefits");

		long combined = data.decision(household, "00", BenefitKind.HIGH_COST, MAY, null, 12_345, 0, null,
				List.of("00", "01"));
		long glasses = data.decision(household, "01", BenefitKind.MEDICAL_REIMBURSEMENT, MAY, "眼鏡 \"A&B\" <店>", 16_800,
				0, 24_000L, List.of("01"));
		assertCompared(browser, "/benefits");
		assertCompared(browser, "/benefits/" + combined);
		assertCompared(browser, "/benefits/" + glasses);
	}

	/** The check answers 500 on a difference and keeps both pages in target/template-parity. */
	private static void assertCompared(TestBrowser browser, String path) {
		int checked = JteParityCheck.CHECKED.get();
		assertThat(browser.get(path).status()).as("%s (500: jte and Thymeleaf differ)", path).isEqualTo(200);
		assertThat(JteParityCheck.CHECKED.get()).as("the check compared %s", path).isGreaterThan(checked);
	}
}
