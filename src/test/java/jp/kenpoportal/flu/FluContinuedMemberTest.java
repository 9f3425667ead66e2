package jp.kenpoportal.flu;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jp.kenpoportal.admin.staff.StaffRole;
import jp.kenpoportal.support.Journeys;
import jp.kenpoportal.support.Mailbox;
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
 * A 任意継続 household where the kenpo pays through the employer (あおば, like 中部電力 and Yuasa in
 * DOMAIN.md §5): it has no employer, so the form asks for its own bank account, and the approved
 * application is paid in the 全銀 transfer file, never in an employer's list.
 */
@PortalTest
class FluContinuedMemberTest {

	@LocalServerPort
	int port;

	@Autowired
	TestMembers members;

	@Autowired
	TestStaff staff;

	@Autowired
	Mailbox mailbox;

	@Autowired
	JdbcClient jdbc;

	@Test
	void whenAContinuedMemberAppliesUnderEmployerPaymentThenTheAccountIsAskedAndTheZenginFilePaysIt() {
		TestMember m = continued(members.newHousehold("aoba"));
		long insured = m.member().id();
		TestBrowser member = new TestBrowser(port, m.host());
		Journeys.onboard(member, mailbox, m, "Flu-Ninkei-Pass-2026");

		assertThat(member.get("/flu").text()).contains("任意継続・特例退職の方は勤務先がないため、ご本人の口座へお振り込みします。");
		Page form = member.get("/flu/applications/new");
		assertThat(form.doc().select("#continued-account").text()).contains("被保険者ご本人の口座へお振り込みします");
		assertThat(form.doc().select("select#bankCode")).hasSize(1);
		assertThat(form.text()).doesNotContain("勤務先（事業所）を通じてお支払いします");

		Map<String, String> fields = new HashMap<>(Map.of("p" + insured + ".chosen", "on", "p" + insured + ".date",
				FluApplicationFlowTest.vaccinationDate().toString(), "p" + insured + ".cost", "1200", "clinic",
				"あおば内科"));
		Page noAccount = member.submitMultipart("/flu/applications/new", fields,
				List.of(new Upload("files", "receipt.pdf", "application/pdf", CraftedFiles.pdf())));
		assertThat(noAccount.status()).isEqualTo(200);
		assertThat(noAccount.error()).contains("金融機関を選んでください。");
		assertThat(noAccount.value("clinic")).isEqualTo("あおば内科");
		long id = FluApplicationFlowTest.idFrom(noAccount.doc().select("form[enctype]").attr("action"),
				"/flu/applications/(\\d+)/edit");

		fields.putAll(Map.of("bankCode", "0001", "branchCode", "001", "accountType", "1", "accountNumber", "7654321",
				"accountHolder", "なかむら　めぐみ"));
		Page confirm = member.submitMultipart("/flu/applications/" + id + "/edit", fields, List.of());
		assertThat(confirm.path()).as(confirm.text()).endsWith("/confirm");
		assertThat(confirm.text()).contains("1,200円").contains("ﾅｶﾑﾗ ﾒｸﾞﾐ");
		member.submit("/flu/applications/" + id + "/submit", Map.of());
		assertThat(jdbc.sql("select payee from flu_application where id = ?").param(id).query(String.class).single())
			.isEqualTo("MEMBER_ACCOUNT");

		// あおば asks for a second check: one clerk approves, another checks
		TestBrowser first = TestBrowser.console(port);
		staff.signIn(first, staff.create("aoba", StaffRole.CLERK));
		Page review = first.get("/flu/applications/" + id);
		assertThat(review.text()).contains("資格区分 任意継続").contains("ﾅｶﾑﾗ ﾒｸﾞﾐ");
		first.submit("/flu/applications/" + id + "/start", Map.of());
		first.submit("/flu/applications/" + id + "/approve", Map.of("amount." + insured, "1200"));
		TestBrowser second = TestBrowser.console(port);
		staff.signIn(second, staff.create("aoba", StaffRole.CLERK));
		second.get("/flu/applications/" + id);
		second.submit("/flu/applications/" + id + "/check", Map.of());

		LocalDate payday = LocalDate.now(FluApplicationFlowTest.JAPAN).plusDays(12);
		second.get("/flu/batches");
		Page employers = second.submit("/flu/batches", Map.of("paymentDate", payday.toString(), "payee", "EMPLOYER"));
		assertThat(employers.text()).doesNotContain("No. " + id);
		assertThat(jdbc.sql("select batch_id is null from flu_application where id = ?").param(id).query(Boolean.class).single())
			.isTrue();

		second.get("/flu/batches");
		Page created = second.submit("/flu/batches", Map.of("paymentDate", payday.toString(), "payee", "MEMBER_ACCOUNT"));
		long batchId = FluApplicationFlowTest.idFrom(created.path(), "/flu/batches/(\\d+)");
		assertThat(created.text()).contains("No. " + id);
		Download zengin = second.download("/flu/batches/" + batchId + "/zengin");
		assertThat(zengin.status()).isEqualTo(200);
		ZenginFile.Parsed file = ZenginFile.parse(zengin.body());
		assertThat(file.header().requesterName()).isEqualTo("ｱｵﾊﾞｼﾖｸﾋﾝｹﾝｺｳﾎｹﾝｸﾐｱｲ");
		assertThat(file.data()).contains(new ZenginFile.Data("0001", "ﾐｽﾞﾎ", "001", "ﾄｳｷﾖｳｴｲｷﾞﾖｳﾌﾞ", "1", "7654321",
				"ﾅｶﾑﾗ ﾒｸﾞﾐ", 1200, "0", String.format("%010d", id), "7"));

		second.get("/flu/batches/" + batchId);
		second.submit("/flu/batches/" + batchId + "/paid", Map.of());
		assertThat(jdbc.sql("select payee || ' ' || amount from benefit_decision where member_id = ? and kind = 'FLU_SUBSIDY'")
			.param(insured)
			.query(String.class)
			.list()).containsExactly("MEMBER_ACCOUNT 1200");
	}

	@Test
	void whenAnOrdinaryMemberOfTheSameKenpoAppliesThenNoAccountIsAsked() {
		TestMember m = members.newHousehold("aoba");
		TestBrowser member = new TestBrowser(port, m.host());
		Journeys.onboard(member, mailbox, m, "Flu-Ippan-Pass-2026");

		Page form = member.get("/flu/applications/new");
		assertThat(form.doc().select("select#bankCode")).isEmpty();
		assertThat(form.doc().select("#continued-account")).isEmpty();
		assertThat(form.text()).contains("補助金は勤務先（事業所）を通じてお支払いします。");
	}

	@Test
	void whenAContinuedMemberOpensTheQualificationPageThenTheKindIsShownAndStaffSeeItToo() {
		TestMember m = continued(members.newHousehold("aoba"));
		TestBrowser member = new TestBrowser(port, m.host());
		Journeys.onboard(member, mailbox, m, "Flu-Shikaku-Pass-2026");

		assertThat(member.get("/qualification").text()).contains("資格区分 任意継続");
		TestBrowser console = TestBrowser.console(port);
		staff.signIn(console, staff.create("aoba", StaffRole.CLERK));
		assertThat(console.get("/members/" + m.accountId()).text()).contains("資格区分 任意継続");

		TestMember ordinary = members.newHousehold("aoba");
		TestBrowser other = new TestBrowser(port, ordinary.host());
		Journeys.onboard(other, mailbox, ordinary, "Flu-Shikaku-Pass-2026");
		assertThat(other.get("/qualification").text()).doesNotContain("資格区分");
		assertThat(console.get("/members/" + ordinary.accountId()).text()).contains("資格区分 一般");
	}

	/** The household as the roster would carry it for a 任意継続被保険者: every row, no 事業所. */
	private TestMember continued(TestMember household) {
		jdbc.sql("""
				update member set qualification_kind = 'CONTINUED', employer_code = null, employer_name = null
				where kenpo_id = ? and symbol = ? and number = ?""")
			.params(household.kenpo().id(), household.member().symbol(), household.member().number())
			.update();
		return household;
	}
}
