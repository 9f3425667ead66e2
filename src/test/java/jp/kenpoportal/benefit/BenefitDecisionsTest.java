package jp.kenpoportal.benefit;

import java.io.IOException;
import java.time.LocalDate;
import java.time.YearMonth;

import jp.kenpoportal.support.Journeys;
import jp.kenpoportal.support.Mailbox;
import jp.kenpoportal.support.PortalTest;
import jp.kenpoportal.support.ServiceData;
import jp.kenpoportal.support.TestBrowser;
import jp.kenpoportal.support.TestBrowser.Download;
import jp.kenpoportal.support.TestBrowser.Page;
import jp.kenpoportal.support.TestMembers;
import jp.kenpoportal.support.TestMembers.TestMember;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** 現金給付支給決定通知: list, detail with the account masked, the notice PDF, publication date. */
@PortalTest
class BenefitDecisionsTest {

	private static final YearMonth MARCH = YearMonth.of(LocalDate.now().getYear() - 1, 3);

	@LocalServerPort
	int port;

	@Autowired
	TestMembers members;

	@Autowired
	Mailbox mailbox;

	@Autowired
	ServiceData data;

	private TestMember household;

	private TestBrowser browser;

	private long highCost;

	private long sickness;

	private long later;

	@BeforeEach
	void householdWithDecisions() {
		household = members.newHousehold("sakura");
		highCost = data.decision(household, "01", BenefitKind.HIGH_COST, MARCH, "テスト総合病院", 92_170, data.published());
		sickness = data.periodDecision(household, "00", BenefitKind.SICKNESS_ALLOWANCE, MARCH.atDay(1),
				MARCH.atDay(28), 187_450, data.published());
		later = data.decision(household, "02", BenefitKind.FAMILY_ADDITIONAL, MARCH, null, 5_000, data.notYetPublished());
		browser = new TestBrowser(port, household.host());
		Journeys.onboard(browser, mailbox, household, "Benefit-Pages-2026");
	}

	@Test
	void whenDecisionsArePublishedThenTheListShowsThemForTheWholeHousehold() {
		Page page = browser.get("/benefits");

		assertThat(page.heading()).isEqualTo("現金給付支給決定通知");
		assertThat(page.text()).contains("高額療養費", "試験 花子", "92,170円", MARCH.getYear() + "年3月診療分")
			.contains("傷病手当金", "187,450円", MARCH.atDay(1).toString().replace('-', '/') + "〜")
			.doesNotContain("家族療養費付加金", "5,000円");
	}

	@Test
	void whenADecisionIsOpenedThenTheAccountShowsOnlyItsLastDigits() {
		Page page = browser.get("/benefits/" + highCost);

		assertThat(page.heading()).isEqualTo("高額療養費 支給決定通知");
		assertThat(page.text()).contains("試験 花子", "92,170円", "テスト総合病院", "ご本人の口座（テスト銀行 本店 ＊＊＊6789）")
			.contains("補填される金額");
		assertThat(browser.get("/benefits/" + sickness).text()).contains("事業主経由");
	}

	@Test
	void whenADecisionIsNotPublishedYetThenItsAddressIsNotFound() {
		assertThat(browser.get("/benefits/" + later).status()).isEqualTo(404);
		assertThat(browser.download("/benefits/" + later + "/notice.pdf").status()).isEqualTo(404);
	}

	@Test
	void whenTheNoticeIsDownloadedThenThePdfStatesTheDecision() throws IOException {
		Download pdf = browser.download("/benefits/" + highCost + "/notice.pdf").keep("benefit-notice.pdf");

		assertThat(pdf.status()).isEqualTo(200);
		assertThat(pdf.header("Content-Type")).isEqualTo("application/pdf");
		assertThat(pdf.header("Cache-Control")).contains("no-store");
		try (PDDocument document = Loader.loadPDF(pdf.body())) {
			String text = new PDFTextStripper().getText(document);
			assertThat(text).contains("高額療養費 支給決定通知", household.member().name() + " 様", "試験 花子", "92,170円")
				.contains("テスト銀行 本店 ＊＊＊6789", "さくら電機健康保険組合");
		}
	}
}
