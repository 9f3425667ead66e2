package jp.kenpoportal.browser;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.YearMonth;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import jp.kenpoportal.benefit.BenefitKind;
import jp.kenpoportal.medical.ClaimCategory;
import jp.kenpoportal.support.Journeys;
import jp.kenpoportal.support.PortalTest;
import jp.kenpoportal.support.ServiceData;
import jp.kenpoportal.support.TestBrowser;
import jp.kenpoportal.support.TestMembers.TestMember;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 医療費のお知らせ in Chromium, as a member uses it: from the home tile to the latest year,
 * another year, one person chosen with the select and 表示, a month and back; the chart an
 * image with a name; the 医療費通知 PDF with the numbers hidden, a wrong period refused on the
 * same page with the choice kept; the 医療費集計フォーム (.xlsx) and the CSV saved by the
 * browser; and the pages at a phone's width.
 */
@PortalTest
class MedicalBrowserTest extends BrowserTestSupport {

	private static final String PASSWORD = "Medical-Browser-2026";

	private static final int YEAR = LocalDate.now().getYear() - 1;

	private static final int EARLIER = YEAR - 1;

	@Autowired
	ServiceData data;

	private TestMember household;

	@BeforeAll
	void householdWithTwoYearsOfClaims() {
		household = members.newHousehold("sakura");
		data.typicalYear(household, YEAR);
		data.claim(household, "00", YearMonth.of(EARLIER, 10), ClaimCategory.OUTPATIENT, "前年の内科", 6_000, 1_800,
				data.published());
		data.decision(household, "01", BenefitKind.HIGH_COST, month(7), "テスト総合病院", 92_170, data.published());
		Journeys.onboard(new TestBrowser(port, household.host()), mailbox, household, PASSWORD);
	}

	@Test
	void memberBrowsesTheYearsThePeopleAndAMonthAndDownloadsTheNoticeAndTheDeductionData() throws IOException {
		Page page = newTab();
		signInWithMailedCode(page, household, PASSWORD);

		// the tile opens the newest year with data
		follow(page, tile(page, "医療費のお知らせ"));
		assertThat(path(page)).isEqualTo("/medical/" + YEAR);
		assertThat(heading(page)).isEqualTo("医療費のお知らせ");
		assertThat(link(page, YEAR + "年").getAttribute("aria-current")).isEqualTo("page");
		assertThat(mainText(page)).contains("年間合計", "627,000円", "187,600円", "試験 花子", "608,000円");
		// the chart is one image named by its title; its bars are the three months with claims
		Locator chart = page.getByRole(AriaRole.IMG,
				new Page.GetByRoleOptions().setName(YEAR + "年 月別の医療費の総額（世帯全員）").setExact(true));
		assertThat(chart.count()).isEqualTo(1);
		assertThat(chart.evaluate("svg => svg.tagName")).isEqualTo("svg");
		assertThat(chart.locator("rect.chart__bar").count()).isEqualTo(3);

		// another year, and back
		follow(page, EARLIER + "年");
		assertThat(path(page)).isEqualTo("/medical/" + EARLIER);
		assertThat(link(page, EARLIER + "年").getAttribute("aria-current")).isEqualTo("page");
		assertThat(mainText(page)).contains(EARLIER + "年10月", "6,000円").doesNotContain("627,000円");
		follow(page, YEAR + "年");
		assertThat(path(page)).isEqualTo("/medical/" + YEAR);

		// one person: the select and 表示 (a plain GET form)
		page.getByLabel("受診者", new Page.GetByLabelOptions().setExact(true))
			.selectOption(new SelectOption().setLabel("試験 花子"));
		press(page, "表示");
		assertThat(query(page)).isEqualTo("person=01");
		assertThat(page.locator("#person").inputValue()).isEqualTo("01");
		assertThat(mainText(page)).contains("608,000円").doesNotContain("627,000円");
		assertThat(page.getByRole(AriaRole.IMG,
				new Page.GetByRoleOptions().setName(YEAR + "年 月別の医療費の総額（試験 花子）").setExact(true))
			.count()).isEqualTo(1);

		// a month of that person, and back to the year with the person kept
		follow(page, YEAR + "年7月");
		assertThat(path(page)).isEqualTo("/medical/" + YEAR + "/7");
		assertThat(heading(page)).isEqualTo(YEAR + "年7月診療分の医療費");
		assertThat(page.locator("tbody tr").first().innerText()).contains("試験 花子", "テスト総合病院", "入院", "2日",
				"600,000円", "420,000円", "180,000円");
		follow(page, YEAR + "年の医療費へ戻る");
		assertThat(path(page)).isEqualTo("/medical/" + YEAR);
		assertThat(query(page)).isEqualTo("person=01");
		page.getByLabel("受診者", new Page.GetByLabelOptions().setExact(true))
			.selectOption(new SelectOption().setLabel("世帯全員"));
		press(page, "表示");
		assertThat(mainText(page)).contains("627,000円");

		// the 医療費通知 for March to May with the numbers hidden (the default, as the NTA asks)
		Locator mask = page.getByLabel("保険者番号と記号・番号を伏せて印刷する");
		assertThat(mask.isChecked()).isTrue();
		page.locator("#notice-from").selectOption(YEAR + "-03");
		page.locator("#notice-to").selectOption(YEAR + "-05");
		DownloadedFile notice = download(page, button(page, "PDFをダウンロード"));
		assertThat(notice.name()).endsWith(".pdf");
		assertThat(notice.pdfText()).contains(household.member().name() + " 様", "＊＊＊＊＊＊＊＊", "試験 花子",
				"テスト歯科", "テスト薬局")
			.doesNotContain(household.kenpo().insurerNumber())
			.doesNotContain(household.member().symbol() + "・" + household.member().number())
			.doesNotContain("テスト総合病院");

		// a period the wrong way round: the same page says why, with the choice kept
		page.locator("#notice-from").selectOption(YEAR + "-07");
		page.locator("#notice-to").selectOption(YEAR + "-03");
		press(page, "PDFをダウンロード");
		assertThat(path(page)).isEqualTo("/medical/" + YEAR);
		assertThat(page.locator("#notice .alert--error").innerText().strip())
			.isEqualTo("開始の月は終了の月と同じか、それより前にしてください。");
		assertThat(page.locator("#notice-from").inputValue()).isEqualTo(YEAR + "-07");
		assertThat(page.locator("#notice-to").inputValue()).isEqualTo(YEAR + "-03");
		assertThat(mask.isChecked()).isTrue();

		// the 医療費集計フォーム for 確定申告書等作成コーナー, 補填 netted
		DownloadedFile xlsx = download(page, link(page, YEAR + "年分 医療費集計フォーム（Excel）"));
		assertThat(xlsx.name()).endsWith(".xlsx");
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.bytes()))) {
			Sheet sheet = book.getSheet("医療費集計フォーム");
			assertThat(sheet).as("sheet 医療費集計フォーム").isNotNull();
			assertThat(sheet.getRow(2).getCell(2).getNumericCellValue()).isEqualTo(187_600);
			Row stay = row(sheet, "テスト総合病院");
			assertThat(stay.getCell(1).getStringCellValue()).isEqualTo("試験 花子");
			assertThat(stay.getCell(7).getNumericCellValue()).isEqualTo(180_000);
			assertThat(stay.getCell(8).getNumericCellValue()).isEqualTo(92_170);
		}

		DownloadedFile csv = download(page, link(page, YEAR + "年分 医療費データ（CSV）"));
		assertThat(csv.name()).endsWith(".csv");
		assertThat(csv.utf8()).startsWith("\uFEFF医療を受けた人,病院・薬局などの名称,")
			.contains("試験 花子,テスト総合病院,該当する,,,,180000,92170,")
			.doesNotContain("前年の内科");
	}

	@Test
	void theYearTheMonthAndTheRefusedNoticeFitAPhoneWithoutScrollingSideways() {
		Page page = newTab();
		page.setViewportSize(390, 844);
		signInWithMailedCode(page, household, PASSWORD);

		follow(page, tile(page, "医療費のお知らせ"));
		assertThat(path(page)).isEqualTo("/medical/" + YEAR);
		assertThat(scrollsSideways(page)).as("the year page scrolls sideways at 390 px").isFalse();
		Locator chart = page.locator("svg.chart__svg");
		assertThat(chart.boundingBox().width).as("the chart's width at 390 px").isLessThanOrEqualTo(390);

		follow(page, YEAR + "年5月");
		assertThat(scrollsSideways(page)).as("the month page scrolls sideways at 390 px").isFalse();
		follow(page, YEAR + "年の医療費へ戻る");

		page.locator("#notice-from").selectOption(YEAR + "-07");
		page.locator("#notice-to").selectOption(YEAR + "-03");
		press(page, "PDFをダウンロード");
		assertThat(errorText(page)).contains("開始の月は終了の月と同じか、それより前にしてください。");
		assertThat(scrollsSideways(page)).as("the year page with the notice error scrolls sideways at 390 px").isFalse();
	}

	private static YearMonth month(int month) {
		return YearMonth.of(YEAR, month);
	}

	/** The workbook row of a provider, from row 9 where the NTA form's data starts. */
	private static Row row(Sheet sheet, String provider) {
		for (int i = 8; i <= sheet.getLastRowNum(); i++) {
			Row r = sheet.getRow(i);
			if (r != null && r.getCell(2) != null && provider.equals(r.getCell(2).getStringCellValue())) {
				return r;
			}
		}
		throw new AssertionError("no row for " + provider);
	}
}
