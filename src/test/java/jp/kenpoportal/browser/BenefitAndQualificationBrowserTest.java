package jp.kenpoportal.browser;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import jp.kenpoportal.benefit.BenefitKind;
import jp.kenpoportal.member.Member;
import jp.kenpoportal.support.Journeys;
import jp.kenpoportal.support.PortalTest;
import jp.kenpoportal.support.ServiceData;
import jp.kenpoportal.support.TestBrowser;
import jp.kenpoportal.support.TestMembers.TestMember;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 現金給付支給決定通知 and 資格情報のお知らせ in Chromium: from the home tiles to the list of
 * decisions, one decision (支給額, the account shown by its last digits only) and its PDF; the
 * household's people with every field and the printable PDF with the card-size part; and the
 * same pages at a phone's width.
 */
@PortalTest
class BenefitAndQualificationBrowserTest extends BrowserTestSupport {

	private static final String PASSWORD = "Benefit-Browser-2026";

	private static final YearMonth MONTH = YearMonth.now().minusMonths(4);

	@Autowired
	ServiceData data;

	private TestMember household;

	@BeforeAll
	void householdWithTwoDecisions() {
		household = members.newHousehold("sakura");
		// to the member's account (テスト銀行, last digits 6789), and a period benefit paid through the employer
		data.decision(household, "01", BenefitKind.HIGH_COST, MONTH, "テスト総合病院", 92_170, data.published());
		data.periodDecision(household, "00", BenefitKind.SICKNESS_ALLOWANCE, MONTH.atDay(1), MONTH.atDay(20), 120_000,
				data.published());
		Journeys.onboard(new TestBrowser(port, household.host()), mailbox, household, PASSWORD);
	}

	@Test
	void memberOpensADecisionFromTheListAndDownloadsItsNotice() {
		Page page = newTab();
		signInWithMailedCode(page, household, PASSWORD);

		follow(page, tile(page, "現金給付支給決定通知"));
		assertThat(path(page)).isEqualTo("/benefits");
		assertThat(heading(page)).isEqualTo("現金給付支給決定通知");
		List<String> rows = page.locator("tbody tr").allInnerTexts();
		assertThat(rows).hasSize(2)
			.anySatisfy(row -> assertThat(row).contains("高額療養費", "試験 花子", MONTH.getYear() + "年"
					+ MONTH.getMonthValue() + "月診療分", "92,170円"))
			.anySatisfy(row -> assertThat(row).contains("傷病手当金", household.member().name(), "120,000円"));

		follow(page, "高額療養費");
		assertThat(path(page)).matches("/benefits/\\d+");
		assertThat(heading(page)).isEqualTo("高額療養費 支給決定通知");
		assertThat(facts(page)).contains("支給額 92,170円", "対象者 試験 花子", "医療機関等名称 テスト総合病院",
				"お支払先 ご本人の口座（テスト銀行 本店 ＊＊＊6789）");
		assertThat(mainText(page)).doesNotContain("テスト銀行 本店 6789");

		DownloadedFile pdf = download(page, link(page, "決定通知書（PDF）をダウンロード"));
		assertThat(pdf.name()).endsWith(".pdf");
		assertThat(pdf.pdfText()).contains("高額療養費 支給決定通知", "試験 花子", "92,170円",
				"＊＊＊6789", household.kenpo().name());

		follow(page, "支給決定の一覧へ戻る");
		assertThat(path(page)).isEqualTo("/benefits");
		follow(page, "傷病手当金");
		assertThat(facts(page)).contains("支給額 120,000円", "お支払先 事業主経由（お勤め先からお支払いします）")
			.anySatisfy(fact -> assertThat(fact).startsWith("対象期間 "));
	}

	@Test
	void memberSeesEveryoneOfTheHouseholdAndPrintsTheirQualification() {
		Page page = newTab();
		signInWithMailedCode(page, household, PASSWORD);

		follow(page, tile(page, "資格情報のお知らせ"));
		assertThat(path(page)).isEqualTo("/qualification");
		assertThat(heading(page)).isEqualTo("資格情報のお知らせ");
		for (Member person : household.household()) {
			assertThat(facts(card(page, person.name()))).as(person.name())
				.contains("カナ氏名 " + person.nameKana(), "保険者番号 " + household.kenpo().insurerNumber(),
						"保険者名称 " + household.kenpo().name(), "記号 " + person.symbol(), "番号 " + person.number(),
						"枝番 " + person.branch(), "生年月日 " + japanese(person.birthDate()),
						"資格取得年月日 " + japanese(person.acquiredOn()))
				.anySatisfy(f -> assertThat(f).matches("性別 [男女]"))
				.anySatisfy(f -> assertThat(f).matches("本人・家族 (本人|家族)"))
				.anySatisfy(f -> assertThat(f).matches("負担割合 [23]割"));
		}
		assertThat(facts(card(page, household.member().name()))).contains("本人・家族 本人", "性別 男", "負担割合 3割");
		assertThat(facts(card(page, "試験 花子"))).contains("本人・家族 家族", "性別 女", "負担割合 3割");
		// the kenpo decided 2割 for the child under school age
		assertThat(facts(card(page, "試験 陽太"))).contains("本人・家族 家族", "負担割合 2割");

		DownloadedFile pdf = download(page, link(page, "資格情報のお知らせ（PDF）を印刷する"));
		assertThat(pdf.name()).endsWith(".pdf");
		String text = pdf.pdfText();
		assertThat(text).contains("切り取り線", household.kenpo().insurerNumber());
		for (Member person : household.household()) {
			assertThat(text).contains(person.name());
		}
	}

	@Test
	void theDecisionsADecisionAndTheQualificationFitAPhoneWithoutScrollingSideways() {
		Page page = newTab();
		page.setViewportSize(390, 844);
		signInWithMailedCode(page, household, PASSWORD);

		follow(page, tile(page, "現金給付支給決定通知"));
		assertThat(scrollsSideways(page)).as("the decision list scrolls sideways at 390 px").isFalse();
		follow(page, "高額療養費");
		assertThat(scrollsSideways(page)).as("a decision scrolls sideways at 390 px").isFalse();
		follow(page, "ホーム");
		follow(page, tile(page, "資格情報のお知らせ"));
		assertThat(scrollsSideways(page)).as("the qualification page scrolls sideways at 390 px").isFalse();
	}

	/** The card of one person on the qualification page, found by the heading with their name. */
	private static Locator card(Page page, String name) {
		return page.locator(".card", new Page.LocatorOptions().setHas(page.getByRole(AriaRole.HEADING,
				new Page.GetByRoleOptions().setName(name).setExact(true))));
	}

	/** The term–value pairs of the first fact list on the page, as "term value". */
	private static List<String> facts(Page page) {
		return facts(page.locator("dl.facts").first());
	}

	/** The term–value pairs of a fact list, or of the one inside a card, as "term value". */
	private static List<String> facts(Locator where) {
		Locator list = where.evaluate("e => e.tagName").equals("DL") ? where : where.locator("dl.facts");
		return ((List<?>) list.evaluate("dl => [...dl.querySelectorAll('dt')].map(dt => dt.innerText.trim() + ' '"
				+ " + dt.nextElementSibling.innerText.trim())")).stream().map(String::valueOf).toList();
	}

	private static String japanese(LocalDate date) {
		return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
	}
}
