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
