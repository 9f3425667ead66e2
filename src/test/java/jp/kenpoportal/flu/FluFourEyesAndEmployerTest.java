package jp.kenpoportal.flu;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jp.kenpoportal.admin.staff.StaffRole;
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
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * あおば's rules (卸 style): ¥1,500 per shot, two shots for a child under 13, paid through the
 * employer, and a second check by another staff member before payment. Also: withdrawal before
 * review, after which the person may be claimed again.
 */
@PortalTest
class FluFourEyesAndEmployerTest {

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
	void whenAChildHadTwoShotsThenTwoAreApprovedCheckedByAnotherClerkAndListedForTheEmployer() throws Exception {
		TestMember m = members.newHousehold("aoba");
		long child = m.person("02").id();
		TestBrowser member = new TestBrowser(port, m.host());
		Journeys.onboard(member, mailbox, m, "Flu-Aoba-Pass-2026");

		long withdrawn = apply(member, child, "4000");
		member.get("/flu/applications/" + withdrawn);
		assertThat(member.submit("/flu/applications/" + withdrawn + "/withdraw", Map.of()).info()).contains("取り下げました");
		long id = apply(member, child, "4000");
		assertThat(member.page().text()).contains("3,000円");

		TestBrowser first = TestBrowser.console(port);
		staff.signIn(first, staff.create("aoba", StaffRole.CLERK));
		Page review = first.get("/flu/applications/" + id);
		String pagePng = review.doc().select("img[src$=page.png]").attr("src");
		Download png = first.download(pagePng);
		assertThat(png.header("Content-Type")).isEqualTo("image/png");
		assertThat(javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png.body())).getWidth()).isPositive();
		first.submit("/flu/applications/" + id + "/start", Map.of());
		first.submit("/flu/applications/" + id + "/approve", Map.of("amount." + child, "3000"));
		assertThat(first.page().text()).contains("二重確認待ち").contains("承認した職員以外の職員が二重確認します");
		assertThat(first.postWithCsrf("/flu/applications/" + id + "/check", Map.of()).path()).endsWith("?notChecked");
		first.get("/flu/batches");
		LocalDate payday = LocalDate.now(FluApplicationFlowTest.JAPAN).plusDays(10);
		Map<String, String> batch = Map.of("paymentDate", payday.toString(), "payee", "EMPLOYER");
		Page unchecked = first.submit("/flu/batches", batch);
		assertThat(jdbc.sql("select batch_id is null from flu_application where id = ?").param(id).query(Boolean.class).single())
			.isTrue();
		assertThat(unchecked.text()).doesNotContain("No. " + id);

		TestBrowser second = TestBrowser.console(port);
		staff.signIn(second, staff.create("aoba", StaffRole.CLERK));
		second.get("/flu/applications/" + id);
		assertThat(second.submit("/flu/applications/" + id + "/check", Map.of()).info()).contains("二重確認しました");
		second.get("/flu/batches");
		Page created = second.submit("/flu/batches", batch);
		long batchId = FluApplicationFlowTest.idFrom(created.path(), "/flu/batches/(\\d+)");
		assertThat(created.text()).contains("No. " + id).contains(m.person("02").name());
		assertThat(second.get("/flu/batches/" + batchId + "/zengin").status()).isEqualTo(404);

		Download csv = second.download("/flu/batches/" + batchId + "/employers.csv");
		String text = new String(csv.body(), StandardCharsets.UTF_8);
		assertThat(text).startsWith("\uFEFF事業所コード,").contains("\"" + m.person("02").name() + "\"").contains(",3000");
		Download pdf = second.download("/flu/batches/" + batchId + "/employers.pdf");
		assertThat(pdf.header("Content-Type")).isEqualTo("application/pdf");
		try (var doc = Loader.loadPDF(pdf.body())) {
			assertThat(new PDFTextStripper().getText(doc)).contains(m.person("02").name()).contains("3,000円");
		}

		second.get("/flu/batches/" + batchId);
		second.submit("/flu/batches/" + batchId + "/paid", Map.of());
		assertThat(jdbc.sql("select payee || ' ' || amount from benefit_decision where member_id = ? and kind = 'FLU_SUBSIDY'")
			.param(child)
			.query(String.class)
			.list()).containsExactly("EMPLOYER 3000");
		assertThat(member.get("/benefits").text()).contains("インフルエンザ予防接種補助").contains("3,000円");
	}

	/** Applies for the child with two doses; ends on the application's page. */
	private long apply(TestBrowser member, long child, String cost) {
		member.get("/flu/applications/new");
		Map<String, String> fields = new HashMap<>(Map.of("p" + child + ".chosen", "on", "p" + child + ".date",
				FluApplicationFlowTest.vaccinationDate().toString(), "p" + child + ".cost", cost, "p" + child + ".doses",
				"2", "clinic", "あおば小児科"));
		Page confirm = member.submitMultipart("/flu/applications/new", fields,
				List.of(new Upload("files", "receipt.pdf", "application/pdf", CraftedFiles.pdf())));
		assertThat(confirm.path()).as(confirm.text()).endsWith("/confirm");
		long id = FluApplicationFlowTest.idFrom(confirm.path(), "/flu/applications/(\\d+)/confirm");
		member.submit("/flu/applications/" + id + "/submit", Map.of());
		return id;
	}
}
