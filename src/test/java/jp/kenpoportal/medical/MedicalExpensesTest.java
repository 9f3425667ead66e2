package jp.kenpoportal.medical;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jp.kenpoportal.audit.AuditTrail;
import jp.kenpoportal.audit.AuditType;
import jp.kenpoportal.benefit.BenefitKind;
import jp.kenpoportal.support.Journeys;
import jp.kenpoportal.support.Mailbox;
import jp.kenpoportal.support.MutableClock;
import jp.kenpoportal.support.PortalTest;
import jp.kenpoportal.support.ServiceData;
import jp.kenpoportal.support.TestBrowser;
import jp.kenpoportal.support.TestBrowser.Download;
import jp.kenpoportal.support.TestBrowser.Page;
import jp.kenpoportal.support.TestMembers;
import jp.kenpoportal.support.TestMembers.TestMember;
import jp.kenpoportal.tenant.Kenpo;
import jp.kenpoportal.tenant.KenpoDirectory;
import jp.kenpoportal.tenant.NewKenpo;
import jp.kenpoportal.tenant.PasswordRules;
import jp.kenpoportal.tenant.SecondFactor;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 医療費のお知らせ over HTTP: the household's published claims per year, month and person, the
 * 医療費通知 PDF (masked and not), and the tax-deduction data with 補填 netted.
 */
@PortalTest
class MedicalExpensesTest {

	private static final String PASSWORD = "Medical-Pages-2026";

	private static final int YEAR = LocalDate.now().getYear() - 1;

	@LocalServerPort
	int port;

	@Autowired
	TestMembers members;

	@Autowired
	Mailbox mailbox;

	@Autowired
	ServiceData data;

	@Autowired
	MutableClock clock;

	@Autowired
	AuditTrail audit;

	private TestMember household;

	private TestBrowser browser;

	@BeforeEach
	void householdWithAYearOfClaims() {
		household = members.newHousehold("sakura");
		data.typicalYear(household, YEAR);
		data.claim(household, "00", month(11), ClaimCategory.OUTPATIENT, "未公開クリニック", 9_000, 2_700,
				data.notYetPublished());
		// 補填: netted against the stay, capped at what was paid; sickness allowance is not 補填
		data.decision(household, "01", BenefitKind.HIGH_COST, month(7), "テスト総合病院", 92_170, data.published());
		data.decision(household, "01", BenefitKind.FAMILY_ADDITIONAL, month(7), "テスト総合病院", 62_000, data.published());
		data.decision(household, "00", BenefitKind.HIGH_COST, month(3), null, 10_000, data.published());
		data.periodDecision(household, "00", BenefitKind.SICKNESS_ALLOWANCE, month(3).atDay(1), month(3).atDay(20),
				120_000, data.published());
		browser = new TestBrowser(port, household.host());
		Journeys.onboard(browser, mailbox, household, PASSWORD);
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void whenClaimsArePublishedThenTheYearShowsMonthlyAndPersonTotalsOfTheHousehold() {
		Page page = browser.get("/medical/" + YEAR);

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.heading()).isEqualTo("医療費のお知らせ");
		assertThat(page.text()).contains("試験 花子", "608,000円", "182,400円")
			.contains("年間合計", "627,000円", "187,600円")
			.contains(YEAR + "年3月", YEAR + "年5月", YEAR + "年7月");
		assertThat(page.doc().select("svg[role=img] rect.chart__bar")).hasSize(3);
		assertThat(page.doc().select("svg title").text()).contains(YEAR + "年 月別の医療費の総額");
		assertThat(page.header("Cache-Control")).contains("no-store");
	}

	@Test
	void whenAMonthIsOpenedThenItsClaimLinesShowWithTheirCategories() {
		Page page = browser.get("/medical/" + YEAR + "/3");

		assertThat(page.heading()).isEqualTo(YEAR + "年3月診療分の医療費");
		assertThat(page.doc().select("tbody tr")).extracting(r -> r.text())
			.anySatisfy(row -> assertThat(row).contains("試験 太郎", "テスト内科クリニック", "外来", "2日", "10,000円", "7,000円",
					"3,000円"))
			.anySatisfy(row -> assertThat(row).contains("テスト薬局", "調剤", "1,200円"));
	}

	@Test
	void whenAClaimIsNotPublishedYetThenNoPageShowsItUntilItsDate() {
		assertThat(browser.get("/medical/" + YEAR + "/11").text()).doesNotContain("未公開クリニック")
			.contains("この月に掲載されている医療費はありません。");
		assertThat(browser.get("/medical/" + YEAR).text()).doesNotContain("636,000円");

		clock.advance(Duration.ofDays(8));
		// a week later the session has outlived its absolute lifetime: the member signs in again
		browser = new TestBrowser(port, household.host());
		Journeys.signInWithCode(browser, mailbox, household, PASSWORD);

		assertThat(browser.get("/medical/" + YEAR + "/11").text()).contains("未公開クリニック", "2,700円");
		assertThat(browser.get("/medical/" + YEAR).text()).contains("636,000円");
	}

	@Test
	void whenAPersonIsChosenThenOnlyTheirClaimsCount() {
		Page page = browser.get("/medical/" + YEAR + "?person=01");

		assertThat(page.text()).contains("608,000円").doesNotContain("627,000円");
		assertThat(page.doc().select("#person option[selected]").attr("value")).isEqualTo("01");
		assertThat(browser.get("/medical/" + YEAR + "/5?person=02").text()).contains("テストこどもクリニック")
			.doesNotContain("テスト歯科");
	}

	@Test
	void whenTheBranchIsNotOneOfTheHouseholdThenNotFound() {
		assertThat(browser.get("/medical/" + YEAR + "?person=09").status()).isEqualTo(404);
		assertThat(browser.get("/medical/" + YEAR + "/3?person=99").status()).isEqualTo(404);
		assertThat(browser.get("/medical/" + YEAR + "/13").status()).isEqualTo(404);
	}

	@Test
	void whenAnotherHouseholdOfTheKenpoHasClaimsThenTheyNeverShow() {
		TestMember other = members.newHousehold("sakura");
		data.claim(other, "00", month(3), ClaimCategory.OUTPATIENT, "他世帯クリニック", 7_770, 2_330, data.published());

		assertThat(browser.get("/medical/" + YEAR + "/3").text()).doesNotContain("他世帯クリニック", "7,770円");
		assertThat(browser.get("/medical/" + YEAR).text()).contains("627,000円");
	}

	@Test
	void whenTheYearHasNoClaimYetThenThePageSaysWhenTheyCome() {
		Page page = browser.get("/medical/" + (YEAR + 1));

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.info()).contains("掲載");
		assertThat(page.text()).contains("この年に掲載されている医療費はありません。");
	}

	@Test
	void whenTheNoticeIsPrintedThenItCarriesTheSixItemsTheTaxAgencyRequires() throws IOException {
		Download pdf = browser.download(
				"/medical/notice.pdf?year=" + YEAR + "&from=" + YEAR + "-01&to=" + YEAR + "-12&mask=false").keep("medical-notice.pdf");

		assertThat(pdf.status()).isEqualTo(200);
		assertThat(pdf.header("Content-Type")).isEqualTo("application/pdf");
		assertThat(pdf.header("Content-Disposition")).startsWith("attachment;");
		assertThat(pdf.header("Cache-Control")).contains("no-store");
		// headings may wrap inside their table cells: compare without line breaks
		String text = text(pdf).replaceAll("\\s*\\n\\s*", "");
		assertThat(text).contains("医療費のお知らせ")
			// 被保険者等の氏名, 療養を受けた年月, 療養を受けた者の氏名, 病院・診療所・薬局等の名称,
			// 被保険者等が支払った医療費の額, 保険者等の名称
			.contains("被保険者等の氏名", household.member().name() + " 様")
			.contains("療養を受けた年月", YEAR + "年3月", YEAR + "年7月")
			.contains("療養を受けた者の氏名", "試験 花子", "試験 陽太")
			.contains("病院・診療所・薬局等の名称", "テスト内科クリニック", "テスト薬局", "テスト総合病院")
			.contains("被保険者等が支払った医療費の額", "3,000円", "180,000円", "187,600円")
			.contains("保険者等の名称", "さくら電機健康保険組合")
			.contains(household.kenpo().insurerNumber(), household.member().symbol() + "・" + household.member().number())
			.doesNotContain("未公開クリニック");
		assertThat(audit.recent(household.kenpo().id(), household.accountId(), 1)).extracting(e -> e.type(), e -> e.detail())
			.containsExactly(org.assertj.core.groups.Tuple.tuple(AuditType.DOCUMENT_DOWNLOADED,
					"medical-notice " + YEAR + "-01.." + YEAR + "-12"));
	}

	@Test
	void whenTheNoticeIsMaskedThenInsurerNumberAndSymbolNumberAreNotInIt() throws IOException {
		String text = text(browser.download(
				"/medical/notice.pdf?year=" + YEAR + "&from=" + YEAR + "-03&to=" + YEAR + "-05&mask=true"));

		assertThat(text).contains("＊＊＊＊＊＊＊＊", "試験 花子", "テスト歯科")
			.doesNotContain(household.kenpo().insurerNumber())
			.doesNotContain(household.member().symbol() + "・" + household.member().number())
			.doesNotContain("テスト総合病院");
	}

	@Test
	void whenTheNoticePeriodIsWrongThenTheYearPageSaysSoAndKeepsTheChoice() {
		browser.get("/medical/" + YEAR);
		Page page = browser.get("/medical/notice.pdf?year=" + YEAR + "&from=" + YEAR + "-07&to=" + YEAR + "-03&mask=true");

		assertThat(page.path()).startsWith("/medical/" + YEAR);
		assertThat(page.error()).isEqualTo("開始の月は終了の月と同じか、それより前にしてください。");
		assertThat(page.doc().select("#notice-from option[selected]").attr("value")).isEqualTo(YEAR + "-07");
		assertThat(page.doc().select("#notice-to option[selected]").attr("value")).isEqualTo(YEAR + "-03");
		assertThat(page.doc().select("#notice-mask").hasAttr("checked")).isTrue();

		Page tooLong = browser.get("/medical/notice.pdf?year=" + YEAR + "&from=" + (YEAR - 1) + "-01&to=" + YEAR + "-03");
		assertThat(tooLong.error()).isEqualTo("期間は12か月以内で選んでください。");
		Page empty = browser.get("/medical/notice.pdf?year=" + YEAR + "&from=" + YEAR + "-09&to=" + YEAR + "-10");
		assertThat(empty.error()).contains("選んだ期間に掲載されている医療費はありません。");
	}

	@Test
	void whenTheDeductionWorkbookIsDownloadedThenReimbursementsAreNettedAgainstTheirClaims() throws IOException {
		Download xlsx = browser.download("/medical/" + YEAR + "/deduction.xlsx").keep("deduction.xlsx");

		assertThat(xlsx.status()).isEqualTo(200);
		assertThat(xlsx.header("Content-Type")).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
			Sheet sheet = book.getSheet("医療費集計フォーム");
			assertThat(sheet).isNotNull();
			assertThat(sheet.getRow(2).getCell(2).getNumericCellValue()).isEqualTo(187_600);
			assertThat(sheet.getRow(3).getCell(2).getNumericCellValue()).isEqualTo(3_000 + 1_200 + 154_170);
			Row stay = row(sheet, "テスト総合病院");
			assertThat(stay.getCell(1).getStringCellValue()).isEqualTo("試験 花子");
			assertThat(stay.getCell(3).getStringCellValue()).isEqualTo("該当する");
			assertThat(stay.getCell(7).getNumericCellValue()).isEqualTo(180_000);
			assertThat(stay.getCell(8).getNumericCellValue()).isEqualTo(154_170);
			assertThat(stay.getCell(9).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(month(7).atEndOfMonth());
			Row pharmacy = row(sheet, "テスト薬局");
			assertThat(pharmacy.getCell(4).getStringCellValue()).isEqualTo("該当する");
			assertThat(pharmacy.getCell(8).getNumericCellValue()).isEqualTo(1_200);
			assertThat(row(sheet, "テスト内科クリニック").getCell(8).getNumericCellValue()).isEqualTo(3_000);
			assertThat(row(sheet, "テスト歯科").getCell(8).getNumericCellValue()).isZero();
			assertThat(row(sheet, "未公開クリニック") == null).as("unpublished claim in the workbook").isTrue();
		}
	}

	@Test
	void whenTheNoticeExplainsItsUseThenTheStatementIsStillFiledWithItsNoticeSectionFilledIn() throws IOException {
		String text = text(browser.download("/medical/notice.pdf?year=" + YEAR + "&from=" + YEAR + "-01&to=" + YEAR
				+ "-12&mask=true")).replaceAll("\\s*\\n\\s*", "");

		// with a 医療費通知 the 医療費控除の明細書 is still filed: its 医療費通知 section comes from the notice
		assertThat(text).contains("医療費控除の明細書は省略できません", "「医療費通知に関する事項」欄")
			.doesNotContain("明細書に代えて");
		assertThat(browser.get("/medical/" + YEAR).text()).contains("「医療費通知に関する事項」欄")
			.doesNotContain("明細書に代えて");
	}

	@Test
	void whenBenefitsReimburseCostsOutsideOrBesideTheClaimsThenTheTaxDataSubtractsAllOfThem() throws IOException {
		// 療養費 for glasses the member paid in full (not a claim): the cost, less the 療養費
		data.decision(household, "02", BenefitKind.MEDICAL_REIMBURSEMENT, month(9), "テスト眼鏡店", 16_800, 0, 24_000L,
				List.of());
		// 出産育児一時金 under 直接支払制度: 461,600円 to the clinic and 38,400円 to the member, both 補填
		data.claim(household, "00", month(10), ClaimCategory.INPATIENT, "テスト産院", 300_000, 90_000, data.published());
		data.decision(household, "00", BenefitKind.CHILDBIRTH_LUMP_SUM, month(10), "テスト産院", 38_400, 461_600, null,
				List.of());

		try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(
				browser.download("/medical/" + YEAR + "/deduction.xlsx").body()))) {
			Sheet sheet = book.getSheet("医療費集計フォーム");
			Row glasses = row(sheet, "テスト眼鏡店");
			assertThat(glasses).as("the 療養費's cost as a row").isNotNull();
			assertThat(glasses.getCell(1).getStringCellValue()).isEqualTo("試験 陽太");
			assertThat(glasses.getCell(7).getNumericCellValue()).isEqualTo(24_000);
			assertThat(glasses.getCell(8).getNumericCellValue()).isEqualTo(16_800);
			assertThat(row(sheet, "テスト産院").getCell(8).getNumericCellValue()).isEqualTo(90_000);
		}
		assertThat(new String(browser.download("/medical/" + YEAR + "/deduction.csv").body(), StandardCharsets.UTF_8))
			.contains("試験 陽太,テスト眼鏡店,該当する,,,,24000,16800,")
			.contains(",テスト産院,該当する,,,,90000,90000,");
	}

	@Test
	void whenAHighCostBenefitCombinesTheHouseholdThenItIsSharedInProportionToWhatEachPaid() throws IOException {
		data.claim(household, "00", month(8), ClaimCategory.INPATIENT, "合算病院甲", 200_000, 60_000, data.published());
		data.claim(household, "01", month(8), ClaimCategory.OUTPATIENT, "合算病院乙", 100_000, 30_000, data.published());
		// 世帯合算: paid to the insured for both persons' claims of the month
		data.decision(household, "00", BenefitKind.HIGH_COST, month(8), null, 45_000, 0, null, List.of("00", "01"));

		try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(
				browser.download("/medical/" + YEAR + "/deduction.xlsx").body()))) {
			Sheet sheet = book.getSheet("医療費集計フォーム");
			assertThat(row(sheet, "合算病院甲").getCell(8).getNumericCellValue()).isEqualTo(30_000);
			assertThat(row(sheet, "合算病院乙").getCell(8).getNumericCellValue()).isEqualTo(15_000);
		}
	}

	@Test
	void whenTheDeductionCsvIsDownloadedThenItHoldsTheSameRows() {
		Download csv = browser.download("/medical/" + YEAR + "/deduction.csv");

		assertThat(csv.status()).isEqualTo(200);
		String text = new String(csv.body(), StandardCharsets.UTF_8);
		assertThat(text).startsWith("\uFEFF医療を受けた人,病院・薬局などの名称,")
			.contains("試験 花子,テスト総合病院,該当する,,,,180000,154170," + month(7).atEndOfMonth().toString().replace('-', '/'))
			.doesNotContain("未公開クリニック");
	}

	@Test
	void whenTooManyFilesAreDownloadedThenDownloadsPauseAndTheAuditTrailSaysSo() {
		int ok = 0;
		for (int i = 0; i < 61; i++) {
			if (browser.download("/medical/" + YEAR + "/deduction.csv").status() == 200) {
				ok++;
			}
		}
		Page refused = browser.get("/medical/" + YEAR + "/deduction.csv");

		assertThat(ok).isEqualTo(60);
		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.heading()).isEqualTo("しばらくお待ちください");
		assertThat(audit.recent(household.kenpo().id(), household.accountId(), 1)).extracting(e -> e.type())
			.containsExactly(AuditType.DOWNLOAD_THROTTLED);
	}

	@Test
	void theNewestPublishedMonthOfAKenpoSkipsTheMonthsNotOutYet(@Autowired KenpoDirectory kenpos,
			@Autowired MedicalExpenses expenses) {
		String code = "m" + System.nanoTime();
		Kenpo kenpo = kenpos.create(new NewKenpo(code, code + ".localhost", "月次健康保険組合", "06130454", "t@example.com",
				null, 2, 4, Instant.now().plus(Duration.ofDays(1)), EnumSet.of(SecondFactor.EMAIL_CODE),
				SecondFactor.EMAIL_CODE, new PasswordRules(8, 64, "-_", Set.of()), List.of("medical")));
		TestMember other = members.newHousehold(code);
		Instant now = clock.instant();
		YearMonth last = YearMonth.now().minusMonths(1);
		data.claim(other, "00", last.minusMonths(3), ClaimCategory.OUTPATIENT, "甲クリニック", 1_000, 300,
				now.minus(Duration.ofDays(40)));
		data.claim(other, "01", last.minusMonths(2), ClaimCategory.DENTAL, "乙歯科", 1_000, 300,
				now.minus(Duration.ofDays(1)));
		data.claim(other, "00", last.minusMonths(1), ClaimCategory.OUTPATIENT, "甲クリニック", 1_000, 300,
				now.plus(Duration.ofDays(20)));
		data.claim(other, "02", last, ClaimCategory.PHARMACY, "丙薬局", 1_000, 300, now.plus(Duration.ofDays(50)));

		assertThat(expenses.newestPublishedMonth(kenpo.id(), now)).contains(last.minusMonths(2));
		assertThat(expenses.newestPublishedMonth(kenpo.id(), now.plus(Duration.ofDays(21)))).contains(last.minusMonths(1));
		assertThat(expenses.newestPublishedMonth(kenpo.id(), now.plus(Duration.ofDays(60)))).contains(last);
		assertThat(expenses.newestPublishedMonth(kenpo.id(), now.minus(Duration.ofDays(60)))).isEmpty();
	}

	private static YearMonth month(int month) {
		return YearMonth.of(YEAR, month);
	}

	private static Row row(Sheet sheet, String provider) {
		for (int i = 8; i <= sheet.getLastRowNum(); i++) {
			Row r = sheet.getRow(i);
			if (r != null && r.getCell(2) != null && provider.equals(r.getCell(2).getStringCellValue())) {
				return r;
			}
		}
		return null;
	}

	private static String text(Download pdf) throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf.body())) {
			return new PDFTextStripper().getText(document);
		}
	}
}
