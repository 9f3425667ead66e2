package jp.kenpoportal.member;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import jp.kenpoportal.benefit.BenefitKind;
import jp.kenpoportal.medical.ClaimCategory;
import jp.kenpoportal.support.Journeys;
import jp.kenpoportal.support.Mailbox;
import jp.kenpoportal.support.PortalTest;
import jp.kenpoportal.support.ServiceData;
import jp.kenpoportal.support.TestBrowser;
import jp.kenpoportal.support.TestBrowser.Page;
import jp.kenpoportal.support.TestMembers;
import jp.kenpoportal.support.TestMembers.TestMember;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 世帯閲覧 opt-out: a dependant the kenpo keeps out of the household (an adult child who asked)
 * appears on none of the insured's pages and in none of the downloads, while a 世帯合算 that
 * covered them still takes their share of the 補填 away from the others.
 */
@PortalTest
class HiddenDependantTest {

	private static final int YEAR = LocalDate.now().getYear() - 1;

	private static final String NAME = "試験 秘子";

	@LocalServerPort
	int port;

	@Autowired
	TestMembers members;

	@Autowired
	Mailbox mailbox;

	@Autowired
	ServiceData data;

	@Autowired
	MemberDirectory roster;

	private TestMember household;

	private TestBrowser browser;

	private long hiddenDecision;

	@BeforeEach
	void householdWithAHiddenDependant() {
		household = members.withDependant(members.newHousehold("sakura"), "03", NAME, LocalDate.of(2003, 1, 1), true);
		data.typicalYear(household, YEAR);
		data.claim(household, "03", month(3), ClaimCategory.OUTPATIENT, "秘密メンタルクリニック", 20_000, 6_000,
				data.published());
		data.claim(household, "03", month(8), ClaimCategory.INPATIENT, "秘密病院", 100_000, 30_000, data.published());
		hiddenDecision = data.decision(household, "03", BenefitKind.FAMILY_ADDITIONAL, month(8), "秘密病院", 5_000,
				data.published());
		// 世帯合算 of March: the insured's 4,200円 and the hidden dependant's 6,000円
		data.decision(household, "00", BenefitKind.HIGH_COST, month(3), null, 5_100, 0, null, List.of("00", "03"));
		browser = new TestBrowser(port, household.host());
		Journeys.onboard(browser, mailbox, household, "Hidden-Dependant-2026");
	}

	@Test
	void whenTheInsuredReadsTheMedicalPagesThenTheHiddenDependantIsNowhere() {
		Page year = browser.get("/medical/" + YEAR);

		assertThat(year.text()).doesNotContain(NAME, "秘密").contains("627,000円", "187,600円");
		assertThat(year.doc().select("#person option")).extracting(o -> o.attr("value"))
			.containsExactly("", "00", "01", "02");
		assertThat(browser.get("/medical/" + YEAR + "/3").text()).doesNotContain(NAME, "秘密メンタルクリニック");
		assertThat(browser.get("/medical/" + YEAR + "/8").text()).doesNotContain(NAME, "秘密病院");
		assertThat(browser.get("/medical/" + YEAR + "?person=03").status()).isEqualTo(404);
	}

	@Test
	void whenTheInsuredDownloadsTheNoticeThenTheHiddenDependantIsNotInIt() throws IOException {
		String text = pdf("/medical/notice.pdf?year=" + YEAR + "&from=" + YEAR + "-01&to=" + YEAR + "-12&mask=true");

		assertThat(text).contains("試験 花子").doesNotContain(NAME, "秘密");
	}

	@Test
	void whenTheInsuredDownloadsTheTaxDataThenItHoldsNoRowOfTheHiddenDependantWhoStillTakesTheirShare()
			throws IOException {
		try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(
				browser.download("/medical/" + YEAR + "/deduction.xlsx").body()))) {
			Sheet sheet = book.getSheet("医療費集計フォーム");
			for (int i = 8; i <= sheet.getLastRowNum(); i++) {
				Row row = sheet.getRow(i);
				if (row != null && row.getCell(1) != null) {
					assertThat(row.getCell(1).getStringCellValue()).isNotEqualTo(NAME);
					assertThat(row.getCell(2).getStringCellValue()).doesNotContain("秘密");
				}
			}
			assertThat(sheet.getRow(2).getCell(2).getNumericCellValue()).isEqualTo(187_600);
			// 5,100円 × 4,200 / 10,200: the insured's share only, not the whole 世帯合算
			assertThat(sheet.getRow(3).getCell(2).getNumericCellValue()).isEqualTo(2_100);
		}
		String csv = new String(browser.download("/medical/" + YEAR + "/deduction.csv").body(), StandardCharsets.UTF_8);
		assertThat(csv).contains("テスト内科クリニック").doesNotContain(NAME, "秘密");
	}

	@Test
	void whenTheInsuredReadsBenefitsAndQualificationThenTheHiddenDependantIsNowhere() throws IOException {
		assertThat(browser.get("/benefits").text()).contains("高額療養費").doesNotContain(NAME, "家族療養費付加金");
		assertThat(browser.get("/benefits/" + hiddenDecision).status()).isEqualTo(404);
		assertThat(browser.download("/benefits/" + hiddenDecision + "/notice.pdf").status()).isEqualTo(404);
		assertThat(browser.get("/qualification").text()).contains("試験 花子").doesNotContain(NAME);
		assertThat(pdf("/qualification/notice.pdf")).contains("試験 花子").doesNotContain(NAME);
	}

	@Test
	void whenTheHiddenDependantsDataIsPublishedThenTheHouseholdIsNotMailedAboutIt() {
		long kenpoId = household.kenpo().id();

		assertThat(roster.insuredOfHouseholds(kenpoId, List.of(household.person("03").id()))).isEmpty();
		assertThat(roster.insuredOfHouseholds(kenpoId, List.of(household.person("01").id())))
			.containsExactly(household.member().id());
	}

	private String pdf(String path) throws IOException {
		try (PDDocument document = Loader.loadPDF(browser.download(path).body())) {
			return new PDFTextStripper().getText(document);
		}
	}

	private static YearMonth month(int month) {
		return YearMonth.of(YEAR, month);
	}
}
