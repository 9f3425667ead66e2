package jp.kenpoportal.admin.settings;

import java.util.List;
import java.util.Map;

import jp.kenpoportal.admin.staff.StaffRole;
import jp.kenpoportal.support.PortalTest;
import jp.kenpoportal.support.TestBrowser;
import jp.kenpoportal.support.TestBrowser.Page;
import jp.kenpoportal.support.TestKenpos;
import jp.kenpoportal.support.TestStaff;
import jp.kenpoportal.support.TestStaff.Staff;
import jp.kenpoportal.tenant.Kenpo;
import jp.kenpoportal.tenant.KenpoDirectory;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Another kenpo's settings are never read or written: the kenpo is the staff member's own (an
 * operator's chosen one), whatever a form names; a form naming another is refused and audited.
 */
@PortalTest
class SettingsIsolationTest {

	@LocalServerPort
	int port;

	@Autowired
	TestStaff staff;

	@Autowired
	KenpoDirectory kenpos;

	@Autowired
	JdbcClient jdbc;

	@Test
	void whenAFormNamesAnotherKenpoThenItIsRefusedNothingChangesAndTheRefusalIsAudited() {
		Kenpo mine = TestKenpos.allFactors(kenpos);
		Kenpo other = TestKenpos.allFactors(kenpos);
		Staff admin = staff.create(mine.code(), StaffRole.ADMIN);
		TestBrowser console = TestBrowser.console(port);
		staff.signIn(console, admin);

		Page edit = console.get("/settings");
		assertThat(edit.value("contactEmail")).isEqualTo(mine.contactEmail());
		assertThat(edit.doc().html()).doesNotContain(other.contactEmail());
		Map<String, String> fields = new java.util.HashMap<>(SettingsTestSupport.current(edit));
		fields.put("minLength", "20");
		fields.put("maxLength", "64");
		fields.put("kenpoId", Long.toString(other.id()));
		fields.put("action", "save");
		assertThat(console.postWithCsrf("/settings", fields).status()).isEqualTo(404);
		console.get("/settings/terms");
		assertThat(console.postWithCsrf("/settings/terms", Map.of("kenpoId", Long.toString(other.id()), "action",
				"publish", "title", "乗っ取り", "body", "本文", "effectiveDate", "2099-01-01")).status()).isEqualTo(404);
		// a kenpo ID in the confirmation step changes nothing either: the page is of my kenpo
		console.get("/settings");
		fields.remove("action");
		Page confirm = console.submit("/settings/confirm", fields);
		assertThat(confirm.doc().selectFirst("input[name=kenpoId]").attr("value")).isEqualTo(Long.toString(mine.id()));

		assertThat(kenpos.findById(other.id()).orElseThrow().passwordRules().minLength()).isEqualTo(8);
		assertThat(kenpos.findById(mine.id()).orElseThrow().passwordRules().minLength()).isEqualTo(8);
		assertThat(kenpos.termsVersions(other.id())).hasSize(1);
		assertThat(refusals(admin)).hasSize(2)
			.allMatch(d -> d.startsWith("settings form of kenpo " + other.id() + " sent while acting on " + mine.code()));
	}

	@Test
	void anOperatorChangesOnlyTheChosenKenpo() {
		Kenpo first = TestKenpos.allFactors(kenpos);
		Kenpo second = TestKenpos.allFactors(kenpos);
		Staff operator = staff.create(null, StaffRole.OPERATOR);
		TestBrowser console = TestBrowser.console(port);
		staff.signIn(console, operator);
		console.get("/kenpos");
		console.submit("/kenpos/choose", Map.of("kenpoId", Long.toString(first.id())));
		Page confirm = SettingsTestSupport.confirm(console, Map.of("minLength", "14", "maxLength", "64"));
		// the operator chooses the other kenpo in another tab before saving the first one's change
		TestBrowser otherTab = console;
		otherTab.get("/kenpos");
		otherTab.submit("/kenpos/choose", Map.of("kenpoId", Long.toString(second.id())));
		otherTab.get("/settings");
		Page refused = console.post("/settings", withCsrf(confirm, otherTab));
		assertThat(refused.status()).isEqualTo(404);
		assertThat(kenpos.findById(second.id()).orElseThrow().passwordRules().minLength()).isEqualTo(8);
		assertThat(kenpos.findById(first.id()).orElseThrow().passwordRules().minLength()).isEqualTo(8);

		SettingsTestSupport.change(console, Map.of("minLength", "15"));
		assertThat(kenpos.findById(second.id()).orElseThrow().passwordRules().minLength()).isEqualTo(15);
		assertThat(kenpos.findById(first.id()).orElseThrow().passwordRules().minLength()).isEqualTo(8);
	}

	/** The confirmation form's fields with the current page's CSRF token. */
	private static Map<String, String> withCsrf(Page confirm, TestBrowser browser) {
		Map<String, String> values = new java.util.LinkedHashMap<>();
		confirm.doc().select("form[action=/settings] input[type=hidden]").forEach(i -> values.put(i.attr("name"), i.attr("value")));
		values.put("_csrf", browser.page().doc().select("meta[name=_csrf]").attr("content"));
		values.put("action", "save");
		return values;
	}

	private List<String> refusals(Staff actor) {
		return jdbc.sql("select detail from audit_event where staff_id = ? and type = 'STAFF_ACCESS_REFUSED' order by id")
			.params(actor.id())
			.query(String.class)
			.list();
	}
}
