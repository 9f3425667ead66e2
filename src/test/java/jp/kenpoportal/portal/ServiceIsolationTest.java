package jp.kenpoportal.portal;

import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import jp.kenpoportal.benefit.BenefitKind;
import jp.kenpoportal.medical.ClaimCategory;
import jp.kenpoportal.medical.MedicalExpenses;
import jp.kenpoportal.medical.NewClaim;
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
import org.springframework.dao.DataIntegrityViolationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every data page and download reaches only the signed-in household: another household's IDs
 * (same kenpo) and another kenpo's IDs are not found, and their data never shows.
 */
@PortalTest
class ServiceIsolationTest {

	private static final YearMonth MONTH = YearMonth.of(LocalDate.now().getYear() - 1, 6);

	@LocalServerPort
	int port;

	@Autowired
	TestMembers members;

	@Autowired
	Mailbox mailbox;

	@Autowired
	ServiceData data;

	@Autowired
	Notices notices;

	@Test
	void whenAMemberAsksForAnotherHouseholdsOrKenposDataThenEveryAddressIsNotFound() {
		TestMember mine = members.newHousehold("sakura");
		TestMember neighbour = members.newHousehold("sakura");
		TestMember elsewhere = members.newHousehold("aoba");
		data.claim(mine, "00", MONTH, ClaimCategory.OUTPATIENT, "自世帯クリニック", 5_000, 1_500, data.published());
		data.claim(neighbour, "01", MONTH, ClaimCategory.OUTPATIENT, "隣世帯クリニック", 6_000, 1_800, data.published());
		data.claim(elsewhere, "01", MONTH, ClaimCategory.OUTPATIENT, "他健保クリニック", 7_000, 2_100, data.published());
		long neighbourDecision = data.decision(neighbour, "01", BenefitKind.HIGH_COST, MONTH, null, 11_111,
				data.published());
		long elsewhereDecision = data.decision(elsewhere, "00", BenefitKind.HIGH_COST, MONTH, null, 22_222,
				data.published());
		long elsewhereNotice = notices.publish(elsewhere.kenpo().id(), "他健保だけのお知らせ", "本文",
				data.published().minus(Duration.ofDays(1)), null);
		TestBrowser browser = new TestBrowser(port, mine.host());
		Journeys.onboard(browser, mailbox, mine, "Isolated-2026");

		for (String path : List.of("/benefits/" + neighbourDecision, "/benefits/" + neighbourDecision + "/notice.pdf",
				"/benefits/" + elsewhereDecision, "/benefits/" + elsewhereDecision + "/notice.pdf",
				"/notices/" + elsewhereNotice, "/medical/" + MONTH.getYear() + "?person=03",
				"/medical/" + MONTH.getYear() + "/6?person=03")) {
			assertThat(browser.download(path).status()).as(path).isEqualTo(404);
		}
		String pages = browser.get("/medical/" + MONTH.getYear() + "/6").text() + browser.get("/benefits").text()
				+ browser.get("/qualification").text() + browser.get("/notices").text() + text(browser,
						"/medical/" + MONTH.getYear() + "/deduction.csv");
		assertThat(pages).contains("自世帯クリニック")
			.doesNotContain("隣世帯クリニック", "他健保クリニック", "11,111", "22,222", "他健保だけのお知らせ")
			.doesNotContain(neighbour.member().name(), elsewhere.member().name());
	}

	@Test
	void whenARowWouldJoinOneKenposMemberToAnotherKenpoThenTheDatabaseRefusesIt(
			@Autowired MedicalExpenses medical) {
		TestMember sakura = members.newHousehold("sakura");
		TestMember aoba = members.newHousehold("aoba");

		assertThatThrownBy(() -> medical.record(aoba.kenpo().id(), sakura.member().id(),
				new NewClaim(MONTH, ClaimCategory.DENTAL, "越境歯科", 1, 1_000, 700, 300, data.published())))
			.isInstanceOf(DataIntegrityViolationException.class);
	}

	private static String text(TestBrowser browser, String path) {
		return new String(browser.download(path).body(), java.nio.charset.StandardCharsets.UTF_8);
	}
}
