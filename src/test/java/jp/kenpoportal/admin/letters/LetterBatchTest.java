package jp.kenpoportal.admin.letters;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jp.kenpoportal.account.PasswordHasher;
import jp.kenpoportal.admin.staff.StaffRole;
import jp.kenpoportal.member.Member;
import jp.kenpoportal.member.MemberDirectory;
import jp.kenpoportal.member.NewMember;
import jp.kenpoportal.member.Sex;
import jp.kenpoportal.support.Journeys;
import jp.kenpoportal.support.MutableClock;
import jp.kenpoportal.support.PortalTest;
import jp.kenpoportal.support.TestBrowser;
import jp.kenpoportal.support.TestBrowser.Download;
import jp.kenpoportal.support.TestBrowser.Page;
import jp.kenpoportal.support.TestKenpos;
import jp.kenpoportal.support.TestMembers;
import jp.kenpoportal.support.TestMembers.TestMember;
import jp.kenpoportal.support.TestStaff;
import jp.kenpoportal.support.TestStaff.Staff;
import jp.kenpoportal.tenant.Kenpo;
import jp.kenpoportal.tenant.KenpoDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 仮ユーザID・仮パスワード letters end to end: a 担当者 asks, the background job makes one page per
 * household, the PDF downloads once; the credentials are stored hashed, lead to the first
 * registration, replace older ones, and stop at the kenpo's deadline; an undownloaded PDF is
 * deleted after 24 hours; a wrong form gets Japanese messages and makes nothing.
 */
@PortalTest
class LetterBatchTest {

	@LocalServerPort
	int port;

	@Autowired
	KenpoDirectory kenpos;

	@Autowired
	MemberDirectory members;

	@Autowired
	TestMembers testMembers;

	@Autowired
	TestStaff staff;

	@Autowired
	LetterBatches batches;

	@Autowired
	LetterBatchJob job;

	@Autowired
	PasswordHasher hasher;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void whenAClerkAsksForEveryoneNotRegisteredThenOnePageEachWithHashedCredentialsThatLeadToFirstRegistration() {
		Kenpo kenpo = TestKenpos.allFactors(kenpos);
		Member newcomer = LetterFixture.insuredWithoutAccount(members, jdbc, kenpo, null);
		TestMember notYet = testMembers.newMember(kenpo.code());
		TestMember registered = testMembers.newMember(kenpo.code());
		jdbc.sql("update account set onboarded_at = now() where id = ?").param(registered.accountId()).update();
		Member left = members.register(kenpo.id(), new NewMember("77", "0001", "00", "退職 次郎", "タイショク ジロウ",
				LocalDate.of(1970, 1, 1), Sex.MALE, "本人", LocalDate.of(2020, 4, 1), LocalDate.of(2025, 4, 1)));
		Staff clerk = staff.create(kenpo.code(), StaffRole.CLERK);
		TestBrowser console = signedIn(clerk);

		Page form = console.get("/letters");
		assertThat(form.heading()).isEqualTo("仮ユーザID・仮パスワード通知");
		assertThat(form.text()).contains("初回登録がまだの方: 2人");
		Page started = console.submit("/letters", Map.of("scope", "ALL", "reason", "新規加入者への案内"));
		assertThat(started.path()).matches("/letters/\\d+");
		long id = Long.parseLong(started.path().substring("/letters/".length()));

		LetterBatch done = LetterFixture.awaitDone(batches, kenpo.id(), id);
		assertThat(done.state()).isEqualTo(LetterBatch.State.READY);
		assertThat(done.total()).isEqualTo(2);
		Page ready = console.get("/letters/" + id);
		assertThat(ready.text()).contains("ダウンロードできます", "ダウンロードは1回だけ", "24時間");
		Download pdf = console.download("/letters/" + id + "/pdf");
		assertThat(pdf.status()).isEqualTo(200);
		assertThat(pdf.header("Cache-Control")).contains("no-store");
		assertThat(pdf.header("Content-Disposition")).startsWith("attachment");
		assertThat(console.download("/letters/" + id + "/pdf").status()).isEqualTo(410);
		assertThat(batches.find(kenpo.id(), id).orElseThrow().state()).isEqualTo(LetterBatch.State.DOWNLOADED);
		assertThat(jdbc.sql("select pdf is null from letter_batch where id = ?").param(id).query(Boolean.class).single())
			.isTrue();
		assertThat(console.get("/letters/" + id).text()).contains("サーバーにPDFは残っていません");

		Map<String, String> pages = LetterFixture.pagesByName(pdf.body());
		assertThat(pages.keySet()).containsExactlyInAnyOrder(newcomer.name(), notYet.member().name());
		assertThat(String.join("", pages.values())).doesNotContain(registered.member().name(), left.name(), "通知 花子");
		String newcomerPage = pages.get(newcomer.name());
		assertThat(newcomerPage).contains("〒123-4567", "東京都千代田区丸の内一丁目", kenpo.name(), kenpo.publicBaseUrl(),
				kenpo.contactEmail(), "仮ユーザID", "初回登録の手順", "生年月日");
		String[] newcomerCredentials = LetterFixture.credentials(newcomerPage);
		String[] notYetCredentials = LetterFixture.credentials(pages.get(notYet.member().name()));
		assertThat(notYetCredentials[0]).isEqualTo(notYet.loginId());
		assertThat(newcomerCredentials[1]).doesNotContainPattern("[0O1lI]");

		// stored hashed: a new account with the 仮ユーザID, the existing one with a new initial password
		Map<String, Object> account = jdbc.sql("""
				select login_id, login_id_temporary, initial_password_hash from account where member_id = ?""")
			.param(newcomer.id())
			.query()
			.singleRow();
		assertThat(account.get("login_id")).isEqualTo(newcomerCredentials[0]);
		assertThat(account.get("login_id_temporary")).isEqualTo(true);
		String hash = (String) account.get("initial_password_hash");
		assertThat(hash).startsWith("$argon2id$").doesNotContain(newcomerCredentials[1]);
		assertThat(hasher.matches(newcomerCredentials[1], hash)).isTrue();

		assertThat(Journeys.signIn(member(kenpo), newcomerCredentials[0], newcomerCredentials[1]).path())
			.isEqualTo("/onboarding/birth-date");
		assertThat(Journeys.signIn(member(kenpo), notYet.loginId(), notYet.initialPassword()).path()).startsWith("/login");
		assertThat(Journeys.signIn(member(kenpo), notYet.loginId(), notYetCredentials[1]).path())
			.isEqualTo("/onboarding/birth-date");

		assertThat(staffEvents(clerk, "LETTER_BATCH_REQUESTED"))
			.containsExactly("batch " + id + ": ALL, 2 letters: 新規加入者への案内");
		assertThat(staffEvents(clerk, "LETTER_BATCH_ISSUED")).singleElement()
			.asString()
			.startsWith("batch " + id + ": ALL, 2 letters (1 new 仮ユーザID)");
		assertThat(staffEvents(clerk, "LETTER_BATCH_DOWNLOADED")).singleElement().asString().contains("PDF deleted");
	}

	@Test
	void whenAHouseholdsLetterIsPrintedAgainThenOnlyTheNewestPasswordWorks() {
		Kenpo kenpo = TestKenpos.allFactors(kenpos);
		Member newcomer = LetterFixture.insuredWithoutAccount(members, jdbc, kenpo, null);
		TestBrowser console = signedIn(staff.create(kenpo.code(), StaffRole.CLERK));

		String[] first = letterFor(console, kenpo, newcomer, "初回の送付");
		String[] second = letterFor(console, kenpo, newcomer, "紛失の連絡があり再発行");

		assertThat(second[0]).as("the 仮ユーザID stays").isEqualTo(first[0]);
		assertThat(second[1]).isNotEqualTo(first[1]);
		assertThat(Journeys.signIn(member(kenpo), first[0], first[1]).path()).startsWith("/login");
		assertThat(Journeys.signIn(member(kenpo), second[0], second[1]).path()).isEqualTo("/onboarding/birth-date");
	}

	@Test
	void whenTwoBatchesAreMadeBeforeEitherIsDownloadedThenTheNewerLetterWorksAndTheOlderOneIsShownVoid() {
		Kenpo kenpo = TestKenpos.allFactors(kenpos);
		Member newcomer = LetterFixture.insuredWithoutAccount(members, jdbc, kenpo, null);
		TestBrowser console = signedIn(staff.create(kenpo.code(), StaffRole.CLERK));

		long firstBatch = requestLetter(console, kenpo, newcomer, "初回の送付");
		long secondBatch = requestLetter(console, kenpo, newcomer, "封筒の宛名違いで作り直し");
		String[] first = download(console, firstBatch, newcomer);
		String[] second = download(console, secondBatch, newcomer);

		assertThat(Journeys.signIn(member(kenpo), second[0], second[1]).path()).isEqualTo("/onboarding/birth-date");
		assertThat(Journeys.signIn(member(kenpo), first[0], first[1]).path()).startsWith("/login");
		assertThat(jdbc.sql("select login_id from account where member_id = ?").param(newcomer.id()).query(String.class)
			.single()).isEqualTo(second[0]);
		assertThat(console.get("/letters/" + firstBatch).text())
			.contains("このバッチの1通は、後の通知書 #" + secondBatch + " で再発行したため無効です。");
		assertThat(console.get("/letters").text()).contains("1（無効 1通）");
	}

	@Test
	void whenTheNewerOfTwoBatchesIsDownloadedFirstThenTheOlderOneIssuesNothingForItsMember() {
		Kenpo kenpo = TestKenpos.allFactors(kenpos);
		Member newcomer = LetterFixture.insuredWithoutAccount(members, jdbc, kenpo, null);
		TestBrowser console = signedIn(staff.create(kenpo.code(), StaffRole.CLERK));

		long firstBatch = requestLetter(console, kenpo, newcomer, "初回の送付");
		long secondBatch = requestLetter(console, kenpo, newcomer, "封筒の宛名違いで作り直し");
		String[] second = download(console, secondBatch, newcomer);
		assertThat(console.get("/letters/" + firstBatch).text())
			.as("void before its download, so staff do not post it")
			.contains("このバッチの1通は、後の通知書 #" + secondBatch + " で再発行したため無効です。");
		String[] first = download(console, firstBatch, newcomer);

		assertThat(Journeys.signIn(member(kenpo), first[0], first[1]).path()).startsWith("/login");
		assertThat(Journeys.signIn(member(kenpo), second[0], second[1]).path()).isEqualTo("/onboarding/birth-date");
		assertThat(jdbc.sql("select count(*) from account where member_id = ?").param(newcomer.id()).query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void whenNobodyDownloadsForADayThenThePdfIsDeletedNoPasswordChangesAndTheLettersPasswordStopsAtTheKenposDeadline() {
		Kenpo kenpo = TestKenpos.allFactors(kenpos);
		Member newcomer = LetterFixture.insuredWithoutAccount(members, jdbc, kenpo, null);
		Staff clerk = staff.create(kenpo.code(), StaffRole.CLERK);
		TestBrowser console = signedIn(clerk);
		String[] credentials = letterFor(console, kenpo, newcomer, "期限の確認");
		Page started = console.submit("/letters",
				Map.of("scope", "HOUSEHOLD", "symbol", symbolOf(newcomer), "number", newcomer.number(), "reason", "放置"));
		long id = Long.parseLong(started.path().substring("/letters/".length()));
		LetterFixture.awaitDone(batches, kenpo.id(), id);

		clock.advance(Duration.ofHours(23));
		job.expire();
		assertThat(batches.find(kenpo.id(), id).orElseThrow().state()).isEqualTo(LetterBatch.State.READY);
		clock.advance(Duration.ofHours(2));
		job.expire();
		assertThat(batches.find(kenpo.id(), id).orElseThrow().state()).isEqualTo(LetterBatch.State.EXPIRED);
		assertThat(jdbc.sql("select pdf is null from letter_batch where id = ?").param(id).query(Boolean.class).single())
			.isTrue();
		TestBrowser later = signedIn(clerk);
		assertThat(later.get("/letters/" + id).text()).contains("期限が過ぎたため、PDFを削除しました");
		assertThat(later.download("/letters/" + id + "/pdf").status()).isEqualTo(410);
		assertThat(staffEvents(clerk, "LETTER_BATCH_EXPIRED")).containsExactly("batch " + id);

		// the expired batch's letter never reached anyone: the first one still works, until the deadline
		clock.reset();
		assertThat(Journeys.signIn(member(kenpo), credentials[0], credentials[1]).path())
			.isEqualTo("/onboarding/birth-date");
		clock.advance(Duration.between(clock.instant(), kenpo.initialPasswordDeadline()).plusMinutes(1));
		assertThat(Journeys.signIn(member(kenpo), credentials[0], credentials[1]).path()).startsWith("/login");
		TestBrowser afterDeadline = signedIn(clerk);
		Page refused = afterDeadline.get("/letters");
		assertThat(refused.error()).contains("有効期限", "過ぎているため");
		Page posted = afterDeadline.submit("/letters", Map.of("scope", "ALL", "reason", "期限後"));
		assertThat(posted.error()).contains("過ぎているため");
		assertThat(batches.recent(kenpo.id(), 10)).hasSize(2);
	}

	@Test
	void whenTheFormIsWrongThenAJapaneseMessageOnTheSamePageInputKeptAndNoBatch() {
		Kenpo kenpo = TestKenpos.allFactors(kenpos);
		Member newcomer = LetterFixture.insuredWithoutAccount(members, jdbc, kenpo, "E01");
		TestBrowser console = signedIn(staff.create(kenpo.code(), StaffRole.CLERK));
		console.get("/letters");

		assertThat(console.submit("/letters", Map.of("reason", "理由")).error()).contains("対象を選んでください");
		Page noReason = console.submit("/letters", Map.of("scope", "HOUSEHOLD", "symbol", "88", "number", "12", "reason", " "));
		assertThat(noReason.error()).contains("理由を入力してください");
		assertThat(noReason.value("symbol")).isEqualTo("88");
		assertThat(console.submit("/letters", Map.of("scope", "ALL", "reason", "あ".repeat(10_000))).error())
			.contains("理由は200文字以内");
		Page control = console.submit("/letters", Map.of("scope", "ALL", "reason", "理由\u0000です"));
		assertThat(control.status()).isEqualTo(200);
		assertThat(control.error()).contains("制御文字");
		assertThat(console.submit("/letters", Map.of("scope", "EMPLOYERS", "reason", "理由")).error())
			.contains("事業所を1つ以上選んでください");
		assertThat(console.submit("/letters", Map.of("scope", "EMPLOYERS", "employerCodes", "NOPE", "reason", "理由"))
			.error()).contains("選んだ事業所が見つかりません");
		assertThat(console.submit("/letters",
				Map.of("scope", "HOUSEHOLD", "symbol", "x".repeat(10_000), "number", "1", "reason", "理由")).error())
			.contains("記号と番号を数字で");
		assertThat(console.submit("/letters", Map.of("scope", "HOUSEHOLD", "symbol", "88", "number", "9999", "reason", "理由"))
			.error()).contains("見つかりません");
		assertThat(batches.recent(kenpo.id(), 10)).isEmpty();

		// 全角 digits are forgiven; a second request while the first is being made is refused
		Page ok = console.submit("/letters", Map.of("scope", "EMPLOYERS", "employerCodes", "E01", "reason", "事業所E01"));
		assertThat(ok.path()).matches("/letters/\\d+");
		LetterFixture.awaitDone(batches, kenpo.id(), Long.parseLong(ok.path().substring("/letters/".length())));
		jdbc.sql("insert into letter_batch (kenpo_id, requested_by, scope, reason, state, created_at) "
				+ "select kenpo_id, requested_by, 'ALL', 'busy', 'RUNNING', now() from letter_batch where kenpo_id = ? limit 1")
			.param(kenpo.id())
			.update();
		jdbc.sql("update letter_batch set lease_until = now() + interval '1 hour' where kenpo_id = ? and state = 'RUNNING'")
			.param(kenpo.id())
			.update();
		String fullWidth = toFullWidth(symbolOf(newcomer));
		console.get("/letters");
		Page busy = console.submit("/letters", Map.of("scope", "HOUSEHOLD", "symbol", fullWidth, "number",
				newcomer.number(), "reason", "作成中に依頼"));
		assertThat(busy.error()).contains("作成中です");
		assertThat(batches.recent(kenpo.id(), 10)).hasSize(2);
		jdbc.sql("update letter_batch set state = 'FAILED', lease_until = null where kenpo_id = ? and state = 'RUNNING'")
			.param(kenpo.id())
			.update();
	}

	private String[] letterFor(TestBrowser console, Kenpo kenpo, Member insured, String reason) {
		console.get("/letters");
		Page started = console.submit("/letters",
				Map.of("scope", "HOUSEHOLD", "symbol", symbolOf(insured), "number", insured.number(), "reason", reason));
		assertThat(started.path()).as(started.error()).matches("/letters/\\d+");
		long id = Long.parseLong(started.path().substring("/letters/".length()));
		assertThat(LetterFixture.awaitDone(batches, kenpo.id(), id).state()).isEqualTo(LetterBatch.State.READY);
		Download pdf = console.download("/letters/" + id + "/pdf");
		assertThat(pdf.status()).isEqualTo(200);
		Map<String, String> pages = LetterFixture.pagesByName(pdf.body());
		assertThat(pages).hasSize(1);
		console.get("/letters");
		return LetterFixture.credentials(pages.get(insured.name()));
	}

	private long requestLetter(TestBrowser console, Kenpo kenpo, Member insured, String reason) {
		console.get("/letters");
		Page started = console.submit("/letters",
				Map.of("scope", "HOUSEHOLD", "symbol", symbolOf(insured), "number", insured.number(), "reason", reason));
		assertThat(started.path()).as(started.error()).matches("/letters/\\d+");
		long id = Long.parseLong(started.path().substring("/letters/".length()));
		assertThat(LetterFixture.awaitDone(batches, kenpo.id(), id).state()).isEqualTo(LetterBatch.State.READY);
		return id;
	}

	private String[] download(TestBrowser console, long batch, Member insured) {
		console.get("/letters/" + batch);
		Download pdf = console.download("/letters/" + batch + "/pdf");
		assertThat(pdf.status()).isEqualTo(200);
		return LetterFixture.credentials(LetterFixture.pagesByName(pdf.body()).get(insured.name()));
	}

	private static String symbolOf(Member member) {
		return member.symbol();
	}

	private static String toFullWidth(String digits) {
		StringBuilder out = new StringBuilder();
		digits.chars().forEach(c -> out.append((char) (c - '0' + '０')));
		return out.toString();
	}

	private TestBrowser member(Kenpo kenpo) {
		return new TestBrowser(port, kenpo.host());
	}

	private TestBrowser signedIn(Staff s) {
		TestBrowser console = TestBrowser.console(port);
		staff.signIn(console, s);
		return console;
	}

	private List<String> staffEvents(Staff s, String type) {
		return jdbc.sql("select detail from audit_event where staff_id = ? and type = ? order by id")
			.params(s.id(), type)
			.query(String.class)
			.list();
	}
}
