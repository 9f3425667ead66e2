package jp.kenpoportal.qualification;

import java.io.IOException;
import java.time.LocalDate;

import jp.kenpoportal.member.MemberDirectory;
import jp.kenpoportal.member.NewMember;
import jp.kenpoportal.member.Sex;
import jp.kenpoportal.support.Journeys;
import jp.kenpoportal.support.Mailbox;
import jp.kenpoportal.support.PortalTest;
import jp.kenpoportal.support.TestBrowser;
import jp.kenpoportal.support.TestBrowser.Download;
import jp.kenpoportal.support.TestBrowser.Page;
import jp.kenpoportal.support.TestMembers;
import jp.kenpoportal.support.TestMembers.TestMember;
import jp.kenpoportal.tenant.KenpoDirectory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** 資格情報のお知らせ: everyone insured today, their fields, the PDF with its card part. */
@PortalTest
class QualificationTest {

	@LocalServerPort
	int port;

	@Autowired
	TestMembers members;

	@Autowired
	MemberDirectory roster;

	@Autowired
	Mailbox mailbox;

	private TestMember household;

	private TestBrowser browser;

	@BeforeEach
	void household() {
		household = members.newHousehold("sakura");
		roster.register(household.kenpo().id(), new NewMember(household.member().symbol(), household.member().number(),
				"03", "試験 離脱", "シケン リダツ", LocalDate.of(2000, 1, 1), Sex.MALE, "子", LocalDate.of(2020, 4, 1),
				LocalDate.now().minusDays(1)));
		browser = new TestBrowser(port, household.host());
		Journeys.onboard(browser, mailbox, household, "Qualified-2026");
	}

	@Test
	void whenTheMemberOpensThePageThenEveryoneInsuredTodayIsListedWithTheirQualification() {
		Page page = browser.get("/qualification");

		assertThat(page.heading()).isEqualTo("資格情報のお知らせ");
		assertThat(page.doc().select("main .card h2")).extracting(h -> h.text())
			.containsExactly(household.member().name(), "試験 花子", "試験 陽太");
		assertThat(page.text()).contains("シケン ハナコ", "1982年3月3日", "女", "06130454", "さくら電機健康保険組合")
			.contains(household.member().symbol(), household.member().number(), "資格取得年月日", "2020年4月1日")
			.contains("本人", "家族", "3割", "2割")
			.doesNotContain("試験 離脱");
	}

	@Test
	void whenThePdfIsDownloadedThenItHoldsTheHouseholdAndACardToCutOut() throws IOException {
		Download pdf = browser.download("/qualification/notice.pdf").keep("qualification-notice.pdf");

		assertThat(pdf.status()).isEqualTo(200);
		try (PDDocument document = Loader.loadPDF(pdf.body())) {
			String text = new PDFTextStripper().getText(document);
			assertThat(text).contains("資格情報のお知らせ", "切り取り線", household.member().name(), "試験 花子", "試験 陽太")
				.contains("06130454", household.member().symbol() + "・" + household.member().number() + "・00")
				.doesNotContain("試験 離脱");
		}
	}

	@Test
	void whenAMemberOfSeventyTwoHasWorkingIncomeThenTheKenposThreeTenthsIsShownAndPrintedForThemAndTheirSpouse()
			throws IOException {
		LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Tokyo"));
		TestMember senior = members.newMember("sakura", today.minusYears(72).withDayOfMonth(10), 3);
		roster.register(senior.kenpo().id(), new NewMember(senior.member().symbol(), senior.member().number(), "01",
				"試験 和子", "シケン カズコ", today.minusYears(71).withDayOfMonth(5), Sex.FEMALE, "妻",
				LocalDate.of(2020, 4, 1), null, 3, false));
		TestBrowser seniors = new TestBrowser(port, senior.host());
		Journeys.onboard(seniors, mailbox, senior, "Qualified-Senior-2026");

		Page page = seniors.get("/qualification");

		// the age alone gives both 2割; the kenpo decided 3割 (現役並み所得者 and the spouse who follows)
		assertThat(page.doc().select("main .card")).extracting(card -> burden(card)).containsExactly("3割", "3割");
		try (PDDocument document = Loader.loadPDF(seniors.download("/qualification/notice.pdf").body())) {
			String text = new PDFTextStripper().getText(document);
			assertThat(text).contains("負担割合", "3割", "試験 和子").doesNotContain("2割");
		}
	}

	@Test
	void whenTheKenpoHasNotDeliveredARatioThenThePortalPrintsNoneOfItsOwn() {
		roster.register(household.kenpo().id(), new NewMember(household.member().symbol(), household.member().number(),
				"04", "試験 未登録", "シケン ミトウロク", LocalDate.of(1990, 1, 1), Sex.FEMALE, "子",
				LocalDate.of(2020, 4, 1), null));

		Page page = browser.get("/qualification");

		assertThat(page.doc().select("main .card")).extracting(card -> burden(card))
			.containsExactly("3割", "3割", "2割", "未登録（当組合にお問い合わせください）");
	}

	@Test
	void whenTheNoticeIsDescribedThenItIsNotCalledASubstituteForTheInsuranceCard() throws IOException {
		// a clinic takes a マイナ保険証 or a 資格確認書; the notice only tells the member their qualification
		assertThat(browser.get("/").text()).contains("資格情報のお知らせ").doesNotContain("保険証の代わり");
		assertThat(browser.get("/qualification").text()).contains("マイナ保険証", "資格確認書", "これだけでは受診できません")
			.doesNotContain("保険証の代わり");
		try (PDDocument document = Loader.loadPDF(browser.download("/qualification/notice.pdf").body())) {
			String text = new PDFTextStripper().getText(document).replaceAll("\\s*\\n\\s*", "");
			assertThat(text).contains("この書面だけでは受診できません", "資格確認書");
		}
	}

	private static String burden(org.jsoup.nodes.Element card) {
		return card.select("dt").stream()
			.filter(dt -> dt.text().equals("負担割合"))
			.map(dt -> dt.nextElementSibling().text())
			.findFirst()
			.orElseThrow();
	}

	@Test
	void whenAnInsurerNumberHasAWrongCheckDigitThenTheDataLayerRefusesIt(@Autowired KenpoDirectory kenpos,
			@Autowired JdbcClient jdbc) {
		assertThatThrownBy(() -> jdbc.sql("update kenpo set insurer_number = '06130455' where id = ?")
			.param(household.kenpo().id())
			.update()).isInstanceOf(DataIntegrityViolationException.class);
		assertThatThrownBy(() -> kenpos.create(new jp.kenpoportal.tenant.NewKenpo("bad" + System.nanoTime(),
				"bad.localhost", "不正健保", "06130455", "t@example.com", null, 2, 4, java.time.Instant.now(),
				java.util.EnumSet.of(jp.kenpoportal.tenant.SecondFactor.EMAIL_CODE),
				jp.kenpoportal.tenant.SecondFactor.EMAIL_CODE,
				new jp.kenpoportal.tenant.PasswordRules(8, 64, "-", java.util.Set.of()), java.util.List.of())))
			.isInstanceOf(IllegalArgumentException.class);
	}
}
