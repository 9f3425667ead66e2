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
	void whenABenefitReimbursesMedicalCostsThenItsPageSaysItIsSubtractedAndThatTheTaxDataDoesSo() {
		assertThat(browser.get("/benefits/" + highCost).text())
			.contains("92,170円を「補填される金額」として対象となった医療費から差し引く必要があります", "すでに差し引いて記載しています");
		assertThat(browser.get("/benefits/" + sickness).text()).contains("医療費控除の申告で差し引く必要はありません")
			.doesNotContain("「補填される金額」として");

		long glasses = data.decision(household, "02", BenefitKind.MEDICAL_REIMBURSEMENT, MARCH, "テスト眼鏡店", 16_800, 0,
				24_000L, java.util.List.of());
		assertThat(browser.get("/benefits/" + glasses).text())
			.contains("16,800円を「補填される金額」として", "対象となった費用額", "24,000円", "費用額と療養費を1行にして記載");
	}

	@Test
	void whenTheKenpoPaidTheHospitalDirectlyThenBothPartsShowAndBothAreSubtracted() throws IOException {
		long birth = data.decision(household, "00", BenefitKind.CHILDBIRTH_LUMP_SUM, MARCH, "テスト産院", 38_400, 461_600,
				null, java.util.List.of());

		assertThat(browser.get("/benefits/" + birth).text())
			.contains("医療機関への直接支払額 461,600円", "ご本人へのお支払額（差額） 38,400円")
			.contains("500,000円を「補填される金額」として", "医療機関へ支払った額と、ご本人へお支払いする差額の両方が補填");
		try (PDDocument document = Loader.loadPDF(browser.download("/benefits/" + birth + "/notice.pdf").body())) {
			assertThat(new PDFTextStripper().getText(document)).contains("461,600円", "38,400円", "500,000円");
		}
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
