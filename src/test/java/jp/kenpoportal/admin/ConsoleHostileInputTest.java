package jp.kenpoportal.admin;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jp.kenpoportal.admin.staff.StaffRole;
import jp.kenpoportal.support.PortalTest;
import jp.kenpoportal.support.TestBrowser;
import jp.kenpoportal.support.TestBrowser.Page;
import jp.kenpoportal.support.TestKenpos;
import jp.kenpoportal.support.TestMembers;
import jp.kenpoportal.support.TestStaff;
import jp.kenpoportal.support.TestStaff.Staff;
import jp.kenpoportal.tenant.Kenpo;
import jp.kenpoportal.tenant.KenpoDirectory;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an attacker or a careless paste does to the console: every page reachable from home is
 * opened, and every form on it is sent with 10,000 characters, a NUL and formula-like text in
 * each field it shows. No answer may be a server error; each page answers in Japanese.
 * The crawl finds the pages itself, so a new console page is probed without a line here.
 */
@PortalTest
class ConsoleHostileInputTest {

	private static final String HOSTILE = "\u0000=cmd|' /C calc'!A0<script>alert(1)</script>" + "長".repeat(10_000);

	/**
	 * Forms that sign out, count second-factor failures, run a passkey ceremony, or choose another
	 * (a demo) kenpo to act on: not this test's.
	 */
	private static final List<String> SKIPPED = List.of("/logout", "/mfa", "/login", "/passkeys", "/invitation",
			"/kenpos/choose");

	private static final int MAX_PAGES = 80;

	@LocalServerPort
	int port;

	@Autowired
	TestStaff staff;

	@Autowired
	TestMembers members;

	@Autowired
	KenpoDirectory kenpos;

	@Test
	void whenEveryConsoleFormOfAnAdminGetsHostileInputThenNoServerError() {
		Kenpo kenpo = TestKenpos.allFactors(kenpos);
		members.newMember(kenpo.code());
		Staff admin = staff.create(kenpo.code(), StaffRole.ADMIN);
		TestBrowser console = TestBrowser.console(port);
		staff.signIn(console, admin);

		assertThat(probe(console)).as("server errors").isEmpty();
	}

	@Test
	void whenEveryConsoleFormOfTheOperatorGetsHostileInputThenNoServerError() {
		Staff operator = staff.create(null, StaffRole.OPERATOR);
		TestBrowser console = TestBrowser.console(port);
		staff.signIn(console, operator);
		Kenpo kenpo = TestKenpos.allFactors(kenpos);
		console.get("/kenpos");
		console.submit("/kenpos/choose", Map.of("kenpoId", Long.toString(kenpo.id())));

		assertThat(probe(console)).as("server errors").isEmpty();
	}

	private List<String> probe(TestBrowser console) {
		List<String> errors = new ArrayList<>();
		Set<String> seen = new LinkedHashSet<>();
		Deque<String> queue = new ArrayDeque<>(List.of("/"));
		while (!queue.isEmpty() && seen.size() < MAX_PAGES) {
			String path = queue.poll();
			if (!seen.add(path)) {
				continue;
			}
			Page page = console.get(path);
			if (page.status() >= 500) {
				errors.add("GET " + path + " → " + page.status());
				continue;
			}
			if (page.doc().selectFirst("html[lang=ja]") == null) {
				continue; // a download
			}
			for (Element link : page.doc().select("a[href^=/]")) {
				String href = link.attr("href");
				if (!skipped(href) && !seen.contains(href)) {
					queue.add(href);
				}
			}
			List<Element> forms = new ArrayList<>(page.doc().select("form[action^=/]"));
			for (Element form : forms) {
				String action = form.attr("action");
				if (skipped(action)) {
					continue;
				}
				console.get(path); // the page again: a fresh CSRF token, the form's context
				Page answer = send(console, form);
				if (answer.status() >= 500) {
					errors.add(form.attr("method").toUpperCase() + " " + action + " (from " + path + ") → "
							+ answer.status() + " " + answer.text().substring(0, Math.min(200, answer.text().length())));
				}
			}
		}
		assertThat(seen).as("pages crawled").hasSizeGreaterThan(5);
		return errors;
	}

	private static Page send(TestBrowser console, Element form) {
		Map<String, String> fields = new LinkedHashMap<>();
		for (Element input : form.select("input[name], textarea[name], select[name]")) {
			String name = input.attr("name");
			String type = input.attr("type").toLowerCase();
			if (input.tagName().equals("select")) {
				Element option = input.selectFirst("option");
				fields.putIfAbsent(name, option == null ? HOSTILE : option.attr("value"));
			}
			else if (type.equals("hidden")) {
				fields.put(name, input.attr("value"));
			}
			else if (type.equals("checkbox") || type.equals("radio")) {
				fields.putIfAbsent(name, input.attr("value"));
			}
			else if (!type.equals("file") && !type.equals("submit")) {
				fields.put(name, HOSTILE);
			}
		}
		for (Element button : form.select("button[name]")) {
			fields.putIfAbsent(button.attr("name"), button.attr("value"));
		}
		String action = form.attr("action");
		if (form.attr("method").equalsIgnoreCase("post")) {
			return console.post(action, fields);
		}
		String query = fields.entrySet()
			.stream()
			.map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
			.collect(Collectors.joining("&"));
		return console.get(action + (action.contains("?") ? "&" : "?") + query);
	}

	private static boolean skipped(String path) {
		return SKIPPED.stream().anyMatch(path::startsWith) || path.startsWith("//");
	}

	private static String enc(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}
}
