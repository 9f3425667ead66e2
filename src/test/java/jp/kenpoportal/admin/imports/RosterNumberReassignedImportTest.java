package jp.kenpoportal.admin.imports;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jp.kenpoportal.account.Accounts;
import jp.kenpoportal.admin.staff.StaffRole;
import jp.kenpoportal.member.Member;
import jp.kenpoportal.member.MemberDirectory;
import jp.kenpoportal.support.Journeys;
import jp.kenpoportal.support.Mailbox;
import jp.kenpoportal.support.PortalTest;
import jp.kenpoportal.support.TestBrowser;
import jp.kenpoportal.support.TestBrowser.Page;
import jp.kenpoportal.support.TestMembers.TestMember;
import jp.kenpoportal.support.TestStaff;
import jp.kenpoportal.support.TestStaff.Staff;
import jp.kenpoportal.tenant.Kenpo;
import jp.kenpoportal.tenant.KenpoDirectory;
import jp.kenpoportal.tenant.NewKenpo;
import jp.kenpoportal.tenant.PasswordRules;
import jp.kenpoportal.tenant.SecondFactor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static jp.kenpoportal.admin.imports.RosterImportTest.HANAKO;
import static jp.kenpoportal.admin.imports.RosterImportTest.HEADER;
import static jp.kenpoportal.admin.imports.RosterImportTest.JIRO;
import static jp.kenpoportal.admin.imports.RosterImportTest.TARO;
import static jp.kenpoportal.admin.imports.RosterImportTest.csv;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A roster file that gives a person the 記号・番号・枝番 of someone missing from it: the missing
 * person has lost the qualification and the core system has reassigned the number. The file
 * applies; the missing person's row keeps its history, account and data but gives up the number;
 * the person who now has it sees only their own household, and the missing person only theirs.
 */
@PortalTest
class RosterNumberReassignedImportTest {

	/** A new person of the file who gets 太郎's 10-0001-00 (太郎's household is missing from the file). */
	static final String ICHIRO = "P010,10,0001,00,新規 一郎,シンキ イチロウ,1995-02-02,男,本人,2026-12-01,,3,E01,本社,100-0001,東京都千代田区千代田1-1,,";

	@LocalServerPort
	int port;

	@Autowired
	TestStaff staff;

	@Autowired
	KenpoDirectory kenpos;

	@Autowired
	Accounts accounts;

	@Autowired
	MemberDirectory members;

	@Autowired
	Mailbox mailbox;

	@Autowired
	JdbcClient jdbc;

	Kenpo kenpo;

	TestBrowser console;

	ImportUploads uploads;

	@BeforeEach
	void signIn() {
		// TestKenpos.allFactors with the member pages this test reads
		String code = "k" + System.nanoTime();
		kenpo = kenpos.create(new NewKenpo(code, code + ".localhost", "テスト健康保険組合", "06130454",
				"kenpo@" + code + ".example", null, 2, 4, Instant.now().plusSeconds(30L * 86400),
				EnumSet.allOf(SecondFactor.class), SecondFactor.EMAIL_CODE, new PasswordRules(8, 64, "-_!", Set.of()),
				List.of("medical", "qualification")));
		kenpos.publishTerms(kenpo.id(), "利用規約", "本サービスの利用規約です。");
		Staff clerk = staff.create(kenpo.code(), StaffRole.CLERK);
		console = TestBrowser.console(port);
		staff.signIn(console, clerk);
		uploads = new ImportUploads(port, jdbc);
	}

	@Test
	void whenANewPersonTakesTheNumberOfAMissingOneThenTheFileAppliesAndEachKeepsTheirOwnHousehold() {
		apply(csv(StandardCharsets.UTF_8, false, HEADER, TARO, HANAKO, JIRO), "2026-11", "2026-12-01");
		long taro = memberId("P001");
		TestBrowser taroBrowser = onboard(taro, "torikomi.taro", "Taro-Household-2026");
		jdbc.sql("""
				insert into medical_claim (kenpo_id, member_id, service_month, category, provider_name, days, total_cost,
				  insurer_paid, public_paid, patient_paid, published_at)
				values (?, ?, date '2026-10-01', 'OUTPATIENT', '太郎のクリニック', 1, 10000, 7000, 0, 3000,
				  timestamptz '2026-11-01 00:00+09')""")
			.params(kenpo.id(), taro)
			.update();

		// 太郎's household left the kenpo; the core system gave 10-0001-00 to a new insured, 一郎
		byte[] file = csv(StandardCharsets.UTF_8, false, HEADER, JIRO, ICHIRO);
		long job = uploads.upload(console, ImportKind.ROSTER, "2026-12", "2027-01-01", "roster-12.csv", file);
		assertThat(uploads.awaitState(job)).isEqualTo("PREVIEW");
		Page preview = console.get("/imports/" + job);
		assertThat(rows(preview)).containsExactlyInAnyOrder(
				"追加 P010 新規 一郎 [→10-0001-00] ファイルにない人が使っていた記号・番号を引き継ぐ",
				"ファイルにない（作成日で資格喪失） P001 取込 太郎 [10-0001-00→] 資格喪失日、記号・番号を手放す（ファイルで別の人に割り当て）",
				"ファイルにない（作成日で資格喪失） P002 取込 花子 [10-0001-01→] 資格喪失日、記号・番号を手放す（ファイルで別の人に割り当て）");
		assertThat(preview.text()).contains("ファイルにない人は資格を失い、その記号・番号を手放します。");

		console.submit("/imports/" + job + "/apply", Map.of());
		assertThat(uploads.awaitState(job)).isEqualTo("APPLIED");

		long ichiro = memberId("P010");
		assertThat(person(taro)).isEqualTo("P001 10-0001-00 lost 2027-01-01 released by " + job);
		assertThat(person(ichiro)).isEqualTo("P010 10-0001-00 qualified");
		assertThat(names(members.household(kenpo.id(), taro))).containsExactly("取込 太郎", "取込 花子");
		assertThat(names(members.household(kenpo.id(), ichiro))).containsExactly("新規 一郎");
		assertThat(members.findByNumber(kenpo.id(), "10", "0001", "00").map(Member::id)).contains(ichiro);
		assertThat(members.insuredOfHouseholds(kenpo.id(), List.of(memberId("P002")))).containsExactly(taro);

		// 太郎's account stays his (access goes on for the kenpo's months after loss), with his claim
		assertThat(taroBrowser.get("/qualification").text()).contains("取込 太郎", "取込 花子").doesNotContain("新規 一郎");
		assertThat(taroBrowser.get("/medical/2026/10").text()).contains("太郎のクリニック");
		// 一郎 sees his household only: none of 太郎's people or data
		TestBrowser ichiroBrowser = onboard(ichiro, "shinki.ichiro", "Ichiro-Household-2027");
		assertThat(ichiroBrowser.get("/qualification").text()).contains("新規 一郎").doesNotContain("取込 太郎", "取込 花子");
		assertThat(ichiroBrowser.get("/medical/2026/10").text()).doesNotContain("太郎のクリニック");

		// the same file again is refused as such; the same roster in a later file (rows in another
		// order, so other bytes) goes through the merge and changes nothing
		long same = uploads.upload(console, ImportKind.ROSTER, "2026-12", "2027-01-01", "roster-12.csv", file);
		assertThat(uploads.state(same)).isEqualTo("UNCHANGED");
		long again = uploads.upload(console, ImportKind.ROSTER, "2027-01", "2027-02-01", "roster-01.csv",
				csv(StandardCharsets.UTF_8, false, HEADER, ICHIRO, JIRO));
		assertThat(uploads.awaitState(again)).isEqualTo("PREVIEW");
		assertThat(console.get("/imports/" + again).text()).contains("名簿に変更はありません。");
		console.submit("/imports/" + again + "/apply", Map.of());
		assertThat(uploads.awaitState(again)).isEqualTo("APPLIED");
		assertThat(person(taro)).isEqualTo("P001 10-0001-00 lost 2027-01-01 released by " + job);
		assertThat(person(ichiro)).isEqualTo("P010 10-0001-00 qualified");
	}

	@Test
	void whenAPersonOfTheRosterMovesToTheNumberOfAMissingOneThenThePreviewSaysSoAndTheAccountsStayWithTheirPersons() {
		apply(csv(StandardCharsets.UTF_8, false, HEADER, TARO, HANAKO, JIRO), "2026-11", "2026-12-01");
		long taro = memberId("P001");
		long jiro = memberId("P003");
		long taroAccount = accounts.open(kenpo.id(), taro, "moved.taro", false, "x".repeat(12), null).id();
		long jiroAccount = accounts.open(kenpo.id(), jiro, "moved.jiro", false, "x".repeat(12), null).id();

		// 太郎's household left; 次郎 (10-0002-00) gets 太郎's former 10-0001-00
		long job = uploads.upload(console, ImportKind.ROSTER, "2026-12", "2027-01-01", "roster-12.csv",
				csv(StandardCharsets.UTF_8, false, HEADER, JIRO.replace(",10,0002,", ",10,0001,")));
		assertThat(uploads.awaitState(job)).isEqualTo("PREVIEW");
		assertThat(rows(console.get("/imports/" + job))).containsExactlyInAnyOrder(
				"記号・番号の変更（アカウントは本人に引き継がれます） P003 髙橋 次郎 [10-0002-00→10-0001-00] 記号・番号・枝番、ファイルにない人が使っていた記号・番号を引き継ぐ",
				"ファイルにない（作成日で資格喪失） P001 取込 太郎 [10-0001-00→] 資格喪失日、記号・番号を手放す（ファイルで別の人に割り当て）",
				"ファイルにない（作成日で資格喪失） P002 取込 花子 [10-0001-01→] 資格喪失日、記号・番号を手放す（ファイルで別の人に割り当て）");

		console.submit("/imports/" + job + "/apply", Map.of());
		assertThat(uploads.awaitState(job)).isEqualTo("APPLIED");

		assertThat(person(jiro)).isEqualTo("P003 10-0001-00 qualified");
		assertThat(person(taro)).isEqualTo("P001 10-0001-00 lost 2027-01-01 released by " + job);
		assertThat(accounts.find(kenpo.id(), taroAccount).orElseThrow().memberId()).isEqualTo(taro);
		assertThat(accounts.find(kenpo.id(), jiroAccount).orElseThrow().memberId()).isEqualTo(jiro);
		assertThat(names(members.household(kenpo.id(), jiro))).containsExactly("髙橋 次郎");
		assertThat(names(members.household(kenpo.id(), taro))).containsExactly("取込 太郎", "取込 花子");
	}

	@Test
	void whenThePersonMissingHadLostTheQualificationBeforeThenThePreviewSaysTheNumberGoesAndNothingElse() {
		apply(csv(StandardCharsets.UTF_8, false, HEADER, TARO, JIRO.replace("2015/4/1,,",
				"2015/4/1,2026-06-30,")), "2026-11", "2026-12-01");
		long jiro = memberId("P003");

		// 次郎 lost the qualification in June and is no longer in the file; his 10-0002-00 goes to 一郎
		byte[] file = csv(StandardCharsets.UTF_8, false, HEADER, TARO, ICHIRO.replace(",10,0001,", ",10,0002,"));
		long job = uploads.upload(console, ImportKind.ROSTER, "2026-12", "2027-01-01", "roster-12.csv", file);
		assertThat(uploads.awaitState(job)).isEqualTo("PREVIEW");
		assertThat(rows(console.get("/imports/" + job))).containsExactlyInAnyOrder(
				"追加 P010 新規 一郎 [→10-0002-00] ファイルにない人が使っていた記号・番号を引き継ぐ",
				"ファイルにない（喪失済み。記号・番号は別の人へ） P003 髙橋 次郎 [10-0002-00→] 記号・番号を手放す（ファイルで別の人に割り当て）");

		console.submit("/imports/" + job + "/apply", Map.of());
		assertThat(uploads.awaitState(job)).isEqualTo("APPLIED");
		assertThat(person(jiro)).isEqualTo("P003 10-0002-00 lost 2026-06-30 released by " + job);
		assertThat(person(memberId("P010"))).isEqualTo("P010 10-0002-00 qualified");
	}

	private TestBrowser onboard(long memberId, String loginId, String newPassword) {
		Member member = members.find(kenpo.id(), memberId).orElseThrow();
		String initial = member.symbol() + member.number() + member.birthDate().toString().replace("-", "");
		String email = loginId + "@example.com";
		long account = accounts.open(kenpo.id(), memberId, loginId, false, initial, email).id();
		TestMember test = new TestMember(kenpo, member, account, loginId, initial, member.birthDate(), email,
				List.of(member));
		TestBrowser browser = new TestBrowser(port, kenpo.host());
		Journeys.onboard(browser, mailbox, test, newPassword);
		return browser;
	}

	/** Each row of the preview as "内容 個人番号 氏名 [変更前→変更後] 変わる項目". */
	private static List<String> rows(Page preview) {
		return preview.doc()
			.select("#roster-changes tbody tr")
			.stream()
			.map(row -> {
				var td = row.select("td");
				return td.get(0).text() + " " + td.get(2).text() + " " + td.get(3).text() + " [" + td.get(4).text() + "→"
						+ td.get(5).text() + "] " + td.get(6).text();
			})
			.toList();
	}

	private String person(long memberId) {
		return jdbc.sql("""
				select person_key || ' ' || symbol || '-' || number || '-' || branch
				  || case when lost_on is null then ' qualified' else ' lost ' || lost_on end
				  || coalesce(' released by ' || released_by_import, '') from member where kenpo_id = ? and id = ?""")
			.params(kenpo.id(), memberId)
			.query(String.class)
			.single();
	}

	private static List<String> names(List<Member> people) {
		return people.stream().map(Member::name).toList();
	}

	private void apply(byte[] file, String month, String created) {
		long job = uploads.upload(console, ImportKind.ROSTER, month, created, "roster.csv", file);
		assertThat(uploads.awaitState(job)).isEqualTo("PREVIEW");
		console.get("/imports/" + job);
		console.submit("/imports/" + job + "/apply", Map.of());
		assertThat(uploads.awaitState(job)).isEqualTo("APPLIED");
	}

	private long memberId(String personKey) {
		return jdbc.sql("select id from member where kenpo_id = ? and person_key = ?")
			.params(kenpo.id(), personKey)
			.query(Long.class)
			.single();
	}
}
