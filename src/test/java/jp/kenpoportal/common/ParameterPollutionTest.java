package jp.kenpoportal.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jp.kenpoportal.support.PortalTest;
import jp.kenpoportal.support.TestBrowser;
import jp.kenpoportal.support.TestBrowser.Page;
import jp.kenpoportal.support.TestKenpos;
import jp.kenpoportal.support.TestMembers;
import jp.kenpoportal.support.TestMembers.TestMember;
import jp.kenpoportal.support.TestStaff;
import jp.kenpoportal.tenant.Kenpo;
import jp.kenpoportal.tenant.KenpoDirectory;
import jp.kenpoportal.admin.staff.StaffRole;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * HTTP parameter pollution (ASVS 5.0 15.3.7): a field sent twice, twice in the body or once in the
 * query and once in the body, is refused where one value is expected (SingleValuedParameters), or
 * is read once, the first value, by Spring Security's sign-in and CSRF filters; never joined into a
 * value no form sends.
 */
@PortalTest
class ParameterPollutionTest {

	@LocalServerPort
	int port;

	@Autowired
	TestStaff staff;

	@Autowired
	TestMembers members;

	@Autowired
	KenpoDirectory kenpos;

	@Test
	void whenAConsoleSettingIsSentTwiceInTheBodyOrInQueryAndBodyThenItIsRefusedAndNothingChanges() {
		Kenpo kenpo = TestKenpos.allFactors(kenpos);
		TestBrowser console = TestBrowser.console(port);
		staff.signIn(console, staff.create(kenpo.code(), StaffRole.ADMIN));
		Page edit = console.get("/settings");
		String symbols = edit.value("symbols");
		String minLength = edit.value("minLength");

		// joined, "-,_" would add the comma to the symbols a password may hold, and "8,12" is no length
		for (List<Map.Entry<String, String>> polluted : List.of(
				List.of(entry("symbols", "-"), entry("symbols", "_")),
				List.of(entry("minLength", "8"), entry("minLength", "12")))) {
			Page answer = console.postPairs("/settings/confirm", form(edit, polluted));
			assertThat(answer.status()).as(polluted.toString()).isEqualTo(400);
			assertThat(answer.heading()).isEqualTo("エラーが発生しました");
		}
		Page answer = console.postPairs("/settings/confirm?symbols=_", form(edit, List.of(entry("symbols", "-"))));
		assertThat(answer.status()).isEqualTo(400);

		Kenpo after = kenpos.findById(kenpo.id()).orElseThrow();
		assertThat(after.passwordRules().symbols()).isEqualTo(symbols);
		assertThat(after.passwordRules().minLength()).isEqualTo(Integer.parseInt(minLength));
		// sent once, as a browser sends it, the same field is taken
		assertThat(console.get("/settings").status()).isEqualTo(200);
		Page once = console.postPairs("/settings/confirm", form(console.page(), List.of(entry("minLength", "12"))));
		assertThat(once.heading()).as(once.text()).isEqualTo("変更内容の確認");
	}

	@Test
	void whenAMemberFormFieldIsSentTwiceThenItIsRefused() {
		TestMember member = members.newMember("sakura");
		TestBrowser browser = new TestBrowser(port, member.host());
		browser.get("/login");
		browser.submit("/login", Map.of("userId", member.loginId(), "password", member.initialPassword()));
		String csrf = csrf(browser);

		Page twice = browser.postPairs("/onboarding/birth-date",
				List.of(entry("_csrf", csrf), entry("birthDate", member.birthDateDigits().substring(0, 4)),
						entry("birthDate", member.birthDateDigits().substring(4))));
		assertThat(twice.status()).isEqualTo(400);
		Page queryAndBody = browser.postPairs("/onboarding/birth-date?birthDate=" + member.birthDateDigits(),
				List.of(entry("_csrf", csrf), entry("birthDate", member.birthDateDigits())));
		assertThat(queryAndBody.status()).isEqualTo(400);

		// sent once, the same date passes
		assertThat(browser.get("/onboarding/birth-date").status()).isEqualTo(200);
		assertThat(browser.submit("/onboarding/birth-date", Map.of("birthDate", member.birthDateDigits())).path())
			.isNotEqualTo("/onboarding/birth-date");
	}

	@Test
	void whenTheSignInFormCarriesTwoUserIdsThenOnlyTheFirstIsTried() {
		TestMember member = members.newMember("sakura");
		TestMember other = members.newMember("sakura");

		TestBrowser first = new TestBrowser(port, member.host());
		first.get("/login");
		Page tried = first.postPairs("/login", List.of(entry("_csrf", csrf(first)), entry("userId", member.loginId()),
				entry("userId", other.loginId()), entry("password", member.initialPassword())));
		assertThat(tried.path()).isEqualTo("/onboarding/birth-date");

		TestBrowser second = new TestBrowser(port, member.host());
		second.get("/login");
		Page refused = second.postPairs("/login", List.of(entry("_csrf", csrf(second)), entry("userId", other.loginId()),
				entry("userId", member.loginId()), entry("password", member.initialPassword())));
		assertThat(refused.path()).startsWith("/login");
		assertThat(second.get("/").path()).isEqualTo("/login");
	}

	@Test
	void whenTheCsrfTokenIsSentTwiceThenTheFirstAloneCounts() {
		TestMember member = members.newMember("sakura");
		TestBrowser browser = new TestBrowser(port, member.host());
		browser.get("/login");
		String csrf = csrf(browser);

		Page forgedFirst = browser.postPairs("/login", List.of(entry("_csrf", "forged"), entry("_csrf", csrf),
				entry("userId", member.loginId()), entry("password", member.initialPassword())));
		assertThat(forgedFirst.status()).isEqualTo(403);
		Page forgedInQuery = browser.postPairs("/login?_csrf=forged", List.of(entry("_csrf", csrf),
				entry("userId", member.loginId()), entry("password", member.initialPassword())));
		assertThat(forgedInQuery.status()).isEqualTo(403);
		assertThat(browser.get("/").path()).isEqualTo("/login");
	}

	/** The hidden fields of the settings form and its fields as shown, with {@code polluted} added. */
	private static List<Map.Entry<String, String>> form(Page edit, List<Map.Entry<String, String>> polluted) {
		List<Map.Entry<String, String>> fields = new ArrayList<>();
		List<String> replaced = polluted.stream().map(Map.Entry::getKey).toList();
		edit.doc().select("form[action=/settings/confirm] input[type=hidden]")
			.forEach(input -> fields.add(entry(input.attr("name"), input.attr("value"))));
		edit.doc().select("form[action=/settings/confirm] input:not([type=hidden]):not([type=checkbox]):not([type=radio]):not([type=submit])")
			.stream()
			.filter(input -> !replaced.contains(input.attr("name")))
			.forEach(input -> fields.add(entry(input.attr("name"), input.attr("value"))));
		edit.doc().select("form[action=/settings/confirm] input[type=checkbox][checked], form[action=/settings/confirm] input[type=radio][checked]")
			.forEach(input -> fields.add(entry(input.attr("name"), input.attr("value"))));
		edit.doc().select("form[action=/settings/confirm] textarea")
			.forEach(area -> fields.add(entry(area.attr("name"), area.wholeText())));
		fields.addAll(polluted);
		return fields;
	}

	private static String csrf(TestBrowser browser) {
		return browser.page().doc().select("input[name=_csrf]").attr("value");
	}
}
