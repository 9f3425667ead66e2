package jp.kenpoportal.flu;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.kenpoportal.admin.staff.StaffRole;
import jp.kenpoportal.signin.RateLimits;
import jp.kenpoportal.support.Journeys;
import jp.kenpoportal.support.Mailbox;
import jp.kenpoportal.support.MutableClock;
import jp.kenpoportal.support.PortalTest;
import jp.kenpoportal.support.TestBrowser;
import jp.kenpoportal.support.TestBrowser.Download;
import jp.kenpoportal.support.TestBrowser.Page;
import jp.kenpoportal.support.TestBrowser.Upload;
import jp.kenpoportal.support.TestMembers;
import jp.kenpoportal.support.TestMembers.TestMember;
import jp.kenpoportal.support.TestStaff;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole state machine over HTTP: a member of さくら applies with a receipt (an error page keeps
 * everything, the receipt included), a 担当者 starts review (no withdrawal after that) and asks for
 * a correction, the member corrects, the 担当者 approves, a batch pays it by a 全銀 file read back
 * by its own parser, and the member sees the decision in 現金給付支給決定通知.
 */
@PortalTest
class FluApplicationFlowTest {

	static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

	@LocalServerPort
	int port;

	@Autowired
	TestMembers members;

	@Autowired
	TestStaff staff;

	@Autowired
	Mailbox mailbox;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	@Test
	void whenAMemberAppliesIsSentBackCorrectsAndIsApprovedAndPaidThenTheDecisionIsShown() {
		TestMember m = members.newHousehold("sakura");
		long insured = m.member().id();
		TestBrowser member = new TestBrowser(port, m.host());
		Journeys.onboard(member, mailbox, m, "Flu-Flow-Pass-2026");

		Page index = member.get("/flu");
		assertThat(index.status()).isEqualTo(200);
		assertThat(index.text()).contains("1人あたり4,000円まで").contains("1世帯につき年度に1回");

		member.get("/flu/applications/new");
		Map<String, String> fields = new HashMap<>(Map.of("p" + insured + ".chosen", "on", "p" + insured + ".date",
				vaccinationDate().toString(), "p" + insured + ".cost", "3,500", "clinic", "", "bankCode", "0001",
				"branchCode", "001", "accountType", "1", "accountNumber", "１２３４５６７", "accountHolder", "しけん　たろう"));
		Page withError = member.submitMultipart("/flu/applications/new", fields,
				List.of(new Upload("files", "receipt.jpg", "image/jpeg", CraftedFiles.polyglotJpegHtml())));
		assertThat(withError.status()).isEqualTo(200);
		assertThat(withError.error()).contains("医療機関名を入力してください");
		assertThat(input(withError, "p" + insured + ".cost")).isEqualTo("3,500");
		assertThat(input(withError, "accountHolder")).isEqualTo("しけん　たろう");
		long id = idFrom(withError.doc().select("form[enctype]").attr("action"), "/flu/applications/(\\d+)/edit");
		String receiptPath = withError.doc().select("img.flu-receipt__image").attr("src");
		assertThat(receiptPath).startsWith("/flu/applications/" + id + "/receipts/");

		Download receipt = member.download(receiptPath);
		assertThat(receipt.status()).isEqualTo(200);
		assertThat(receipt.header("Content-Type")).isEqualTo("image/jpeg");
		assertThat(receipt.header("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(receipt.header("Content-Security-Policy")).contains("sandbox");
		assertThat(new String(receipt.body(), java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("<script");

		fields.put("clinic", "さくらクリニック");
		Page confirm = member.submitMultipart("/flu/applications/" + id + "/edit", fields, List.of());
		assertThat(confirm.path()).isEqualTo("/flu/applications/" + id + "/confirm");
		assertThat(confirm.text()).contains("3,500円").contains("ｼｹﾝ ﾀﾛｳ");
		Page sent = member.submit("/flu/applications/" + id + "/submit", Map.of());
		assertThat(sent.info()).contains("申請しました");
		assertThat(state(id)).isEqualTo("SUBMITTED");

		TestBrowser console = TestBrowser.console(port);
		staff.signIn(console, staff.create("sakura", StaffRole.CLERK));
		assertThat(console.get("/flu").text()).contains("No. " + id);
		console.get("/flu/applications/" + id);
		console.submit("/flu/applications/" + id + "/start", Map.of());
		assertThat(state(id)).isEqualTo("IN_REVIEW");
		member.get("/flu/applications/" + id);
		assertThat(member.page().doc().select("form[action=/flu/applications/" + id + "/withdraw]")).isEmpty();
		assertThat(member.postWithCsrf("/flu/applications/" + id + "/withdraw", Map.of()).path()).endsWith("?notWithdrawn");
		assertThat(state(id)).isEqualTo("IN_REVIEW");

		Page noReason = console.submit("/flu/applications/" + id + "/send-back", Map.of("decisionReason", "  "));
		assertThat(noReason.error()).contains("理由を入力してください");
		console.submit("/flu/applications/" + id + "/send-back", Map.of("decisionReason", "領収書の金額が読めません。撮り直してください。"));
		assertThat(state(id)).isEqualTo("SENT_BACK");

		Page sentBack = member.get("/flu/applications/" + id);
		assertThat(sentBack.text()).contains("修正依頼").contains("領収書の金額が読めません。");
		member.get("/flu/applications/" + id + "/edit");
		fields.put("p" + insured + ".cost", "5000");
		confirm = member.submitMultipart("/flu/applications/" + id + "/edit", fields,
				List.of(new Upload("files", "IMG_0001.png", "image/png", CraftedFiles.png())));
		assertThat(confirm.text()).contains("4,000円");
		member.submit("/flu/applications/" + id + "/submit", Map.of());
		assertThat(state(id)).isEqualTo("SUBMITTED");

		console.get("/flu/applications/" + id);
		console.submit("/flu/applications/" + id + "/start", Map.of());
		Page tooMuch = console.submit("/flu/applications/" + id + "/approve", Map.of("amount." + insured, "4500"));
		assertThat(tooMuch.error()).contains("ルール上の額以下");
		Page lowered = console.submit("/flu/applications/" + id + "/approve", Map.of("amount." + insured, "3000"));
		assertThat(lowered.error()).contains("減額するときは理由");
		Page approved = console.submit("/flu/applications/" + id + "/approve", Map.of("amount." + insured, "4000"));
		assertThat(approved.info()).contains("承認しました");
		assertThat(state(id)).isEqualTo("APPROVED");

		LocalDate payday = LocalDate.ofInstant(clock.instant(), JAPAN).plusDays(7);
		console.get("/flu/batches");
		Page batch = console.submit("/flu/batches", Map.of("paymentDate", payday.toString(), "payee", "MEMBER_ACCOUNT"));
		long batchId = idFrom(batch.path(), "/flu/batches/(\\d+)");
		assertThat(batch.text()).contains("No. " + id);

		Download zengin = console.download("/flu/batches/" + batchId + "/zengin");
		assertThat(zengin.status()).isEqualTo(200);
		zengin.keep("zengin-flu-" + batchId + ".txt");
		ZenginFile.Parsed file = ZenginFile.parse(zengin.body());
		assertThat(file.header().requesterName()).isEqualTo("ｻｸﾗﾃﾞﾝｷｹﾝｺｳﾎｹﾝｸﾐｱｲ");
		assertThat(file.header().date()).isEqualTo(String.format("%02d%02d", payday.getMonthValue(), payday.getDayOfMonth()));
		assertThat(file.data()).contains(new ZenginFile.Data("0001", "ﾐｽﾞﾎ", "001", "ﾄｳｷﾖｳｴｲｷﾞﾖｳﾌﾞ", "1", "1234567",
				"ｼｹﾝ ﾀﾛｳ", 4000, "0", String.format("%010d", id), "7"));
		assertThat(file.total()).isEqualTo(file.data().stream().mapToLong(ZenginFile.Data::amount).sum());

		runPublicationMails();
		int mailsBefore = mailbox.count(m.email());
		console.submit("/flu/batches/" + batchId + "/paid", Map.of());
		assertThat(state(id)).isEqualTo("PAID");
		clock.advance(java.time.Duration.ofMinutes(2));
		runPublicationMails();
		assertThat(mailbox.awaitMail(m.email(), mailsBefore + 1).subject())
			.isEqualTo("【さくら電機健康保険組合】給付金の支給決定通知を掲載しました");
		Page benefits = member.get("/benefits");
		assertThat(benefits.text()).contains("インフルエンザ予防接種補助").contains("4,000円");
		assertThat(member.get("/flu").text()).contains("支払済");
		assertThat(jdbc.sql("select type from audit_event where kenpo_id = ? and detail like ? order by id")
			.params(m.kenpo().id(), "%application " + id + "%")
			.query(String.class)
			.list()).contains("FLU_APPLICATION_SUBMITTED", "FLU_REVIEW_STARTED", "FLU_SENT_BACK", "FLU_APPROVED");
	}

	@Test
	void whenAFileIsNotAReceiptOrADateIsOutsideTheSeasonThenJapaneseMessagesAndTheDraftKeepsItsReceipts() {
		TestMember m = members.newHousehold("sakura");
		long insured = m.member().id();
		TestBrowser member = new TestBrowser(port, m.host());
		Journeys.onboard(member, mailbox, m, "Flu-Files-Pass-2026");
		member.get("/flu/applications/new");
		Map<String, String> fields = Map.of("p" + insured + ".chosen", "on", "p" + insured + ".date", "2026-09-30",
				"p" + insured + ".cost", "", "clinic", "さくらクリニック", "bankCode", "0001", "branchCode", "001",
				"accountType", "1", "accountNumber", "1234567", "accountHolder", "ユーコ");
		Page page = member.submitMultipart("/flu/applications/new", fields, List.of(
				new Upload("files", "receipt.jpg", "image/jpeg", CraftedFiles.html()),
				new Upload("files", "receipt.pdf", "application/pdf", CraftedFiles.pdfWithJavaScript()),
				new Upload("files", "bomb.png", "image/png", CraftedFiles.decompressionBombPng()),
				new Upload("files", "scan.pdf", "application/pdf", CraftedFiles.png()),
				new Upload("files", "IMG_0002.HEIC", "image/heic", CraftedFiles.heic())));
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.error()).contains("「receipt.jpg」は画像（JPEG・PNG・HEIC）またはPDFではありません")
			.contains("スクリプトを含むPDF")
			.contains("「bomb.png」は画像が大きすぎます")
			.contains("接種日が補助の対象期間外です")
			.contains("支払った金額を入力してください")
			.contains("長音「ー」");
		long id = idFrom(page.doc().select("form[enctype]").attr("action"), "/flu/applications/(\\d+)/edit");
		assertThat(jdbc.sql("select file_type from flu_receipt where application_id = ? order by id")
			.param(id)
			.query(String.class)
			.list()).containsExactly("PNG", "HEIC");
		assertThat(page.text()).contains("HEIC形式の写真は保存しましたが");
		assertThat(jdbc.sql("select count(*) from audit_event where kenpo_id = ? and type = 'FLU_RECEIPT_REFUSED' and detail like ?")
			.params(m.kenpo().id(), "application " + id + ":%")
			.query(Long.class)
			.single()).isEqualTo(3);
	}

	@Test
	void whenAnAccountHasSentItsHourOfFilesThenTheNextReceiptIsRefusedWithAJapaneseMessageAndNotStored() {
		TestMember m = members.newHousehold("sakura");
		long insured = m.member().id();
		TestBrowser member = new TestBrowser(port, m.host());
		Journeys.onboard(member, mailbox, m, "Flu-Throttle-Pass-2026");
		RateLimits limits = context.getBean(RateLimits.class);
		while (limits.tryAcquire(RateLimits.Limit.UPLOADS_PER_ACCOUNT, "flu:" + m.accountId())) {
			// the hour's files, sent by a script
		}
		member.get("/flu/applications/new");

		Page page = member.submitMultipart("/flu/applications/new", Map.of("p" + insured + ".chosen", "on", "clinic",
				"さくらクリニック"), List.of(new Upload("files", "receipt.png", "image/png", CraftedFiles.png())));

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.error()).contains("「receipt.png」は保存できません。短い時間に多くのファイルが送られました");
		assertThat(page.value("clinic")).isEqualTo("さくらクリニック");
		assertThat(jdbc.sql("select count(*) from flu_receipt r join flu_application a on a.id = r.application_id "
				+ "where a.account_id = ?").param(m.accountId()).query(Long.class).single()).isZero();
	}

	@Test
	void whenTheKenpoSetsAMinimumAgeThenAYoungChildIsShownWhyNotAndCannotBeClaimedEvenByAHandMadeForm() {
		TestMember m = members.newHousehold("tsubaki");
		long child = m.person("02").id();
		TestBrowser member = new TestBrowser(port, m.host());
		Journeys.onboard(member, mailbox, m, "Flu-Tsubaki-Pass-2026");
		Page index = member.get("/flu");
		assertThat(index.text()).contains("支払った額から自己負担1,000円を引いた額を、1人あたり2,000円まで")
			.contains("接種日に15歳以上の方")
			.contains("年齢が対象に達していないため、対象外です");
		Page form = member.get("/flu/applications/new");
		assertThat(form.doc().select("input[name='p" + child + ".chosen']").attr("disabled")).isNotNull();
		assertThat(form.doc().select("input[name='p" + child + ".chosen']").hasAttr("disabled")).isTrue();
		Page refused = member.submitMultipart("/flu/applications/new", Map.of("p" + child + ".chosen", "on",
				"p" + child + ".date", vaccinationDate().toString(), "p" + child + ".cost", "3000", "clinic", "つばき小児科",
				"bankCode", "0005", "branchCode", "001", "accountType", "1", "accountNumber", "7654321", "accountHolder",
				"イトウ ナオコ"), List.of(new Upload("files", "r.png", "image/png", CraftedFiles.png())));
		assertThat(refused.error()).contains(m.person("02").name() + "：").contains("年齢が対象に達していないため、対象外です");
		assertThat(jdbc.sql("select count(*) from flu_application_person p join flu_application a on a.id = p.application_id where p.member_id = ?")
			.param(child)
			.query(Long.class)
			.single()).isZero();
	}

	@org.junit.jupiter.api.AfterEach
	void resetClock() {
		clock.reset();
	}

	@Autowired
	org.springframework.context.ApplicationContext context;

	/** The portal's publication-mail job (package-private in portal), as its own tests run it. */
	private void runPublicationMails() {
		org.springframework.test.util.ReflectionTestUtils.invokeMethod(context.getBean("publicationMails"), "run");
	}

	static LocalDate vaccinationDate() {
		// the demo season runs 10/1–1/31 of the current 年度; the tests run inside it
		return LocalDate.now(JAPAN).minusDays(2);
	}

	private String state(long id) {
		return jdbc.sql("select state from flu_application where id = ?").param(id).query(String.class).single();
	}

	static String input(Page page, String name) {
		return page.doc().select("input").stream().filter(e -> e.attr("name").equals(name)).findFirst().orElseThrow().attr("value");
	}

	static long idFrom(String text, String regex) {
		Matcher matcher = Pattern.compile(regex).matcher(text);
		assertThat(matcher.find()).as(text).isTrue();
		return Long.parseLong(matcher.group(1));
	}
}
