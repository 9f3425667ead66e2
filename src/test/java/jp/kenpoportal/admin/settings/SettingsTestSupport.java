package jp.kenpoportal.admin.settings;

import java.util.LinkedHashMap;
import java.util.Map;

import jp.kenpoportal.support.Mailbox;
import jp.kenpoportal.support.TestBrowser;
import jp.kenpoportal.support.TestBrowser.Page;
import jp.kenpoportal.support.TestMembers.TestMember;

import static org.assertj.core.api.Assertions.assertThat;

/** Steps the settings tests share: a change through the confirmation, a member up to a step. */
final class SettingsTestSupport {

	private SettingsTestSupport() {
	}

	/** Opens the settings page, changes {@code changes}, confirms; returns the confirmation page. */
	static Page confirm(TestBrowser console, Map<String, String> changes) {
		Page edit = console.get("/settings");
		assertThat(edit.heading()).isEqualTo("設定");
		Map<String, String> fields = new LinkedHashMap<>(current(edit));
		fields.putAll(changes);
		return console.submit("/settings/confirm", fields);
	}

	/** Confirms and saves; returns the page after saving. */
	static Page change(TestBrowser console, Map<String, String> changes) {
		Page confirm = confirm(console, changes);
		assertThat(confirm.heading()).as(confirm.text()).isEqualTo("変更内容の確認");
		return console.submit("/settings", Map.of("action", "save"));
	}

	/** The values the settings page shows, as the form would send them (lists comma-joined). */
	static Map<String, String> current(Page edit) {
		Map<String, String> fields = new LinkedHashMap<>();
		for (String name : new String[] { "minLength", "maxLength", "symbols", "contactEmail", "contactPhone",
				"initialPasswordDeadline", "publicationDay", "accessMonths" }) {
			fields.put(name, edit.value(name));
		}
		fields.put("links", edit.doc().selectFirst("textarea[name=links]").wholeText());
		for (String name : new String[] { "requiredClasses", "allowedFactors", "enabledServices" }) {
			fields.put(name, String.join(",", edit.doc().select("input[name=" + name + "][checked]").eachAttr("value")));
		}
		fields.put("recommendedFactor", edit.doc().select("input[name=recommendedFactor][checked]").attr("value"));
		fields.put("accessAfterLoss", edit.doc().select("input[name=accessAfterLoss][checked]").attr("value"));
		return fields;
	}

	/** A member who has never signed in, taken to the page where they choose user ID and factor. */
	static Page toUserIdStep(TestBrowser browser, Mailbox mailbox, TestMember member) {
		browser.get("/login");
		browser.submit("/login", Map.of("userId", member.loginId(), "password", member.initialPassword()));
		browser.submit("/onboarding/birth-date", Map.of("birthDate", member.birthDateDigits()));
		browser.submit("/onboarding/terms", Map.of("decision", "agree"));
		int before = mailbox.count(member.email());
		browser.submit("/onboarding/email", Map.of("email", member.email()));
		Page page = browser.submit("/onboarding/email/code",
				Map.of("code", mailbox.awaitMail(member.email(), before + 1).code()));
		assertThat(page.path()).isEqualTo("/onboarding/user-id");
		return page;
	}
}
