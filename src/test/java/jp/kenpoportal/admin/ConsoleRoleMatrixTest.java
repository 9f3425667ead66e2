package jp.kenpoportal.admin;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jp.kenpoportal.admin.staff.StaffRole;
import jp.kenpoportal.support.PortalTest;
import jp.kenpoportal.support.TestBrowser;
import jp.kenpoportal.support.TestBrowser.Page;
import jp.kenpoportal.support.TestMembers;
import jp.kenpoportal.support.TestMembers.TestMember;
import jp.kenpoportal.support.TestStaff;
import jp.kenpoportal.support.TestStaff.Staff;
import jp.kenpoportal.tenant.KenpoDirectory;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every console endpoint tried by every role (and by nobody): the table below is the console's
 * URL map by role. An allowed request answers its page (200, after any redirect; a change with
 * no reason answers the form with its message); a refused one 403, audited.
 */
@PortalTest
class ConsoleRoleMatrixTest {

	private static final Set<StaffRole> ALL = EnumSet.allOf(StaffRole.class);

	private static final Set<StaffRole> SUPPORT = EnumSet.of(StaffRole.OPERATOR, StaffRole.ADMIN, StaffRole.CLERK);

	private static final Set<StaffRole> MANAGEMENT = EnumSet.of(StaffRole.OPERATOR, StaffRole.ADMIN);

	private static final Set<StaffRole> OPERATOR = EnumSet.of(StaffRole.OPERATOR);

	private static final Set<StaffRole> AUDIT = EnumSet.of(StaffRole.OPERATOR, StaffRole.ADMIN, StaffRole.VIEWER);

	@LocalServerPort
	int port;

	@Autowired
	TestStaff staff;

	@Autowired
	TestMembers members;

	@Autowired
	KenpoDirectory kenpos;

	@Autowired
	JdbcClient jdbc;

	record Endpoint(String method, String path, Map<String, String> form, Set<StaffRole> allowed) {

		@Override
		public String toString() {
			return method + " " + path;
		}
	}

	private List<Endpoint> endpoints(long memberAccountId, long staffId, long kenpoId) {
		return List.of(new Endpoint("GET", "/", null, ALL),
				new Endpoint("GET", "/kenpos", null, OPERATOR),
				new Endpoint("POST", "/kenpos/choose", Map.of("kenpoId", Long.toString(kenpoId)), OPERATOR),
				new Endpoint("GET", "/kenpos/new", null, OPERATOR),
				new Endpoint("POST", "/kenpos/new", Map.of("code", "", "name", ""), OPERATOR),
				new Endpoint("GET", "/kenpos/" + kenpoId + "/disable", null, OPERATOR),
				new Endpoint("POST", "/kenpos/" + kenpoId + "/disable", Map.of("code", "", "reason", ""), OPERATOR),
				new Endpoint("GET", "/kenpos/" + kenpoId + "/enable", null, OPERATOR),
				new Endpoint("POST", "/kenpos/" + kenpoId + "/enable", Map.of("code", "", "reason", ""), OPERATOR),
				new Endpoint("GET", "/members", null, SUPPORT),
				new Endpoint("GET", "/members?kind=KANA&q=シケン", null, SUPPORT),
				new Endpoint("GET", "/members/" + memberAccountId, null, SUPPORT),
				new Endpoint("GET", "/members/" + memberAccountId + "/unlock", null, SUPPORT),
				new Endpoint("POST", "/members/" + memberAccountId + "/unlock", Map.of("reason", ""), SUPPORT),
				new Endpoint("GET", "/letters", null, SUPPORT),
				new Endpoint("GET", "/staff", null, MANAGEMENT),
				new Endpoint("GET", "/staff/invite", null, MANAGEMENT),
				new Endpoint("POST", "/staff/invite", Map.of("userId", "", "name", "", "email", "", "role", ""), MANAGEMENT),
				new Endpoint("GET", "/staff/" + staffId, null, MANAGEMENT),
				new Endpoint("POST", "/staff/" + staffId + "/role", Map.of("role", "VIEWER", "reason", ""), MANAGEMENT),
				new Endpoint("POST", "/staff/" + staffId + "/unlock", Map.of("reason", ""), MANAGEMENT),
				new Endpoint("POST", "/staff/" + staffId + "/disable", Map.of("reason", ""), MANAGEMENT),
				new Endpoint("GET", "/audit", null, AUDIT),
				new Endpoint("GET", "/audit?type=SIGN_IN_FAILED&from=2026-01-01", null, AUDIT));
	}

	@Test
	void whenEachRoleTriesEveryEndpointThenOnlyItsOwnAreAllowedAndEveryRefusalIsAudited() {
		TestMember member = members.newMember("sakura");
		Staff target = staff.create("sakura", StaffRole.CLERK);
		long sakura = kenpos.findByCode("sakura").orElseThrow().id();
		List<Endpoint> endpoints = endpoints(member.accountId(), target.id(), sakura);
		List<String> wrong = new ArrayList<>();

		for (StaffRole role : StaffRole.values()) {
			Staff actor = staff.create(role == StaffRole.OPERATOR ? null : "sakura", role);
			TestBrowser console = TestBrowser.console(port);
			staff.signIn(console, actor);
			if (role == StaffRole.OPERATOR) {
				console.submit("/kenpos/choose", Map.of("kenpoId", Long.toString(sakura)));
			}
			int refused = 0;
			for (Endpoint endpoint : endpoints) {
				int expected = endpoint.allowed().contains(role) ? 200 : 403;
				Page page = send(console, endpoint);
				if (page.status() != expected || page.path().startsWith("/login") || page.path().startsWith("/mfa")) {
					wrong.add(role + " " + endpoint + ": expected " + expected + ", got " + page.status() + " at " + page.path());
				}
				refused += expected == 403 ? 1 : 0;
			}
			assertThat(refusals(actor)).as("refusals audited for %s", role).isEqualTo(refused);
		}

		assertThat(wrong).isEmpty();
		assertThat(staff.reload(target).role()).isEqualTo(StaffRole.CLERK);
		assertThat(staff.reload(target).disabled()).isFalse();
	}

	@Test
	void whenNobodyIsSignedInThenEveryPageLeadsToTheSignInPage() {
		List<String> wrong = new ArrayList<>();
		for (Endpoint endpoint : endpoints(1, 1, 1)) {
			if (endpoint.method().equals("GET")) {
				Page page = TestBrowser.console(port).get(endpoint.path());
				if (!page.path().equals("/login")) {
					wrong.add(endpoint + " → " + page.path());
				}
			}
		}
		assertThat(wrong).isEmpty();
	}

	private static Page send(TestBrowser console, Endpoint endpoint) {
		if (endpoint.method().equals("GET")) {
			return console.get(endpoint.path());
		}
		console.get("/");
		return console.postWithCsrf(endpoint.path(), endpoint.form());
	}

	private int refusals(Staff actor) {
		return jdbc.sql("select count(*) from audit_event where staff_id = ? and type = 'STAFF_ACCESS_REFUSED'")
			.param(actor.id())
			.query(Integer.class)
			.single();
	}
}
