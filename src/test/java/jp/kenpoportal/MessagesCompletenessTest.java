package jp.kenpoportal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Checks the message bundles against each other, against the templates and against the keys the code builds.
 * Plain unit test: reads the bundles from the classpath and the templates from {@code src/main/resources}.
 */
class MessagesCompletenessTest {

	private static final String MESSAGES = "messages.properties";

	private static final String MESSAGES_JA = "messages_ja.properties";

	private static final String PASSWORD = "i18n/password.properties";

	private static final String PASSWORD_JA = "i18n/password_ja.properties";

	private static final String RECOVERY = "i18n/recovery.properties";

	private static final String RECOVERY_JA = "i18n/recovery_ja.properties";

	private static final String SERVICES = "i18n/services.properties";

	private static final String SERVICES_JA = "i18n/services_ja.properties";

	private static final String PAGES = "i18n/pages.properties";

	private static final String PAGES_JA = "i18n/pages_ja.properties";

	private static final String CONSOLE = "i18n/console.properties";

	private static final String CONSOLE_JA = "i18n/console_ja.properties";

	private static final String CONSOLE_DASHBOARD = "i18n/console-dashboard.properties";

	private static final String CONSOLE_DASHBOARD_JA = "i18n/console-dashboard_ja.properties";

	private static final String CONSOLE_NOTICES = "i18n/console-notices.properties";

	private static final String CONSOLE_NOTICES_JA = "i18n/console-notices_ja.properties";
	private static final String CONSOLE_SETTINGS = "i18n/console-settings.properties";

	private static final String CONSOLE_SETTINGS_JA = "i18n/console-settings_ja.properties";
	private static final String CONSOLE_SUPPORT = "i18n/console-support.properties";

	private static final String CONSOLE_SUPPORT_JA = "i18n/console-support_ja.properties";
	private static final String CONSOLE_PASSKEY = "i18n/console-passkey.properties";

	private static final String CONSOLE_PASSKEY_JA = "i18n/console-passkey_ja.properties";

	private static final String CONSOLE_LETTERS = "i18n/console-letters.properties";

	private static final String CONSOLE_LETTERS_JA = "i18n/console-letters_ja.properties";

	private static final String CONSOLE_IMPORTS = "i18n/console-imports.properties";

	private static final String CONSOLE_IMPORTS_JA = "i18n/console-imports_ja.properties";

	private static final Path TEMPLATES = Path.of("src", "main", "resources", "templates");

	/** The jte templates (README, "Templates"): checked like the Thymeleaf ones. */
	private static final Path JTE_TEMPLATES = Path.of("src", "main", "jte");

	/** {@code page.msg("some.key"…)} with a literal key (not one built by concatenation) in a jte template. */
	private static final Pattern JTE_MESSAGE_KEY = Pattern
		.compile("\\.msg\\(\\s*\"([A-Za-z_][A-Za-z0-9_-]*(?:\\.[A-Za-z0-9_-]+)*)\"\\s*(?=[,)])");

	/** {@code #{some.key}} or {@code #{some.key(...)}} with a plain dotted literal key (not {@code ${..}} or {@code |..|}). */
	private static final Pattern LITERAL_MESSAGE_KEY = Pattern
		.compile("#\\{\\s*([A-Za-z_][A-Za-z0-9_-]*(?:\\.[A-Za-z0-9_-]+)*)\\s*(?=[}(])");

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)[^}]*}");

	@Test
	void everyJapaneseKeyHasAnEnglishMessage() {
		assertSameKeys(MESSAGES, MESSAGES_JA);
	}

	@Test
	void everyJapanesePasswordRuleHasAnEnglishMessage() {
		assertSameKeys(PASSWORD, PASSWORD_JA);
	}

	@Test
	void everyJapaneseRecoveryMessageHasAnEnglishMessage() {
		assertSameKeys(RECOVERY, RECOVERY_JA);
	}

	@Test
	void everyJapaneseServiceMessageHasAnEnglishMessage() {
		assertSameKeys(SERVICES, SERVICES_JA);
	}

	@Test
	void everyJapaneseFaqAndPrivacyMessageHasAnEnglishMessage() {
		assertSameKeys(PAGES, PAGES_JA);
	}

	@Test
	void everyJapaneseConsoleMessageHasAnEnglishMessage() {
		assertSameKeys(CONSOLE, CONSOLE_JA);
		assertSameKeys(CONSOLE_DASHBOARD, CONSOLE_DASHBOARD_JA);
	}

	@Test
	void everyJapaneseMemberSupportMessageHasAnEnglishMessage() {
		assertSameKeys(CONSOLE_SUPPORT, CONSOLE_SUPPORT_JA);
		assertSamePlaceholders(CONSOLE_SUPPORT, CONSOLE_SUPPORT_JA);
	}

	@Test
	void everyJapaneseConsolePasskeyMessageHasAnEnglishMessage() {
		assertSameKeys(CONSOLE_PASSKEY, CONSOLE_PASSKEY_JA);
		assertSameKeys(CONSOLE_LETTERS, CONSOLE_LETTERS_JA);
	}

	@Test
	void everyJapaneseImportMessageHasAnEnglishMessage() {
		assertSameKeys(CONSOLE_IMPORTS, CONSOLE_IMPORTS_JA);
		assertSamePlaceholders(CONSOLE_IMPORTS, CONSOLE_IMPORTS_JA);
	}

	@Test
	void consoleKeysBuiltByTheCodeExistInBothLanguages() {
		List<String> keys = new ArrayList<>();
		for (var role : jp.kenpoportal.admin.staff.StaffRole.values()) {
			keys.add(role.messageKey());
		}
		for (String kind : List.of("NUMBER", "KANA", "USER_ID", "EMAIL")) {
			keys.add("console.members.kind." + kind);
		}
		for (String lock : List.of("NONE", "TEMPORARY", "KENPO")) {
			keys.add("console.member.lock." + lock);
		}
		for (var type : jp.kenpoportal.audit.AuditType.values()) {
			if (type.name().startsWith("STAFF_") || type == jp.kenpoportal.audit.AuditType.KENPO_CREATED
					|| type == jp.kenpoportal.audit.AuditType.MEMBER_UNLOCKED_BY_STAFF) {
				keys.add("audit." + type.name());
			}
		}
		// the console pages in jte (src/main/jte/admin: top level, members, staff, kenpos): keys built or chosen in code
		for (String action : List.of("factor", "email", "reset")) {
			for (String part : List.of("title", "lead", "submit")) {
				keys.add("console.support." + action + "." + part);
			}
		}
		for (String key : List.of("stopped", "running", "enable.link", "disable.link", "enable.named", "disable.named",
				"enable.title", "disable.title", "enable.submit", "disable.submit")) {
			keys.add("console.kenpoStatus." + key);
		}
		for (String state : List.of("disabled", "invited", "locked", "active")) {
			keys.add("console.staff.state." + state);
		}
		for (String mail : List.of("invitation", "unlocked")) {
			keys.add("console.mail." + mail + ".subject");
			keys.add("console.mail." + mail + ".body");
		}
		// a console feature keeps its audit labels in its own console-<topic> bundle pair
		Properties japanese = load(CONSOLE_JA);
		Properties english = load(CONSOLE);
		japanese.putAll(load(CONSOLE_PASSKEY_JA));
		english.putAll(load(CONSOLE_PASSKEY));
		japanese.putAll(load(CONSOLE_LETTERS_JA));
		english.putAll(load(CONSOLE_LETTERS));
		for (String topic : List.of("dashboard", "notices", "settings", "support")) {
			japanese.putAll(load("i18n/console-" + topic + "_ja.properties"));
			english.putAll(load("i18n/console-" + topic + ".properties"));
		}
		assertThat(keys.stream().filter(k -> !japanese.containsKey(k)).toList()).as("missing from %s", CONSOLE_JA).isEmpty();
		assertThat(keys.stream().filter(k -> !english.containsKey(k)).toList()).as("missing from %s", CONSOLE).isEmpty();
	}

	/** The audit viewer and the sign-in history name every event type in both languages. */
	@Test
	void everyAuditTypeHasALabelInBothLanguages() throws java.io.IOException {
		Properties japanese = new Properties();
		Properties english = new Properties();
		try (var files = java.nio.file.Files.list(Path.of("src", "main", "resources", "i18n"))) {
			for (Path file : files.toList()) {
				String name = "i18n/" + file.getFileName();
				(name.endsWith("_ja.properties") ? japanese : english).putAll(load(name));
			}
		}
		japanese.putAll(load(MESSAGES_JA));
		english.putAll(load(MESSAGES));
		List<String> keys = java.util.Arrays.stream(jp.kenpoportal.audit.AuditType.values())
			.map(type -> "audit." + type.name())
			.toList();
		assertThat(keys.stream().filter(k -> !japanese.containsKey(k)).toList()).as("audit labels in Japanese").isEmpty();
		assertThat(keys.stream().filter(k -> !english.containsKey(k)).toList()).as("audit labels in English").isEmpty();
	}

	@Test
	void everyJapaneseConsoleNoticesMessageHasAnEnglishMessage() {
		assertSameKeys(CONSOLE_NOTICES, CONSOLE_NOTICES_JA);
	}

	@Test
	void everyJapaneseConsoleSettingsMessageHasAnEnglishMessage() {
		assertSameKeys(CONSOLE_SETTINGS, CONSOLE_SETTINGS_JA);
	}

	// インフルエンザ予防接種補助 (issue 12): the member bundle and the console bundle
	@Test
	void everyJapaneseFluMessageHasAnEnglishMessageWithTheSamePlaceholders() {
		assertSameKeys("i18n/flu.properties", "i18n/flu_ja.properties");
		assertSameKeys("i18n/console-flu.properties", "i18n/console-flu_ja.properties");
		assertSamePlaceholders("i18n/flu.properties", "i18n/flu_ja.properties");
		assertSamePlaceholders("i18n/console-flu.properties", "i18n/console-flu_ja.properties");
	}

	// templates flu/ and admin/flu/ (issue 14): the keys the jte pages build from a value
	@Test
	void keysBuiltByTheFluTemplatesExistInBothLanguages() {
		List<String> member = new ArrayList<>();
		for (String type : List.of("1", "2", "4")) {
			member.add("flu.accountType." + type);
		}
		List<String> console = new ArrayList<>();
		for (String payee : List.of("MEMBER_ACCOUNT", "EMPLOYER")) {
			console.add("console.flu.payee." + payee);
		}
		for (String bundle : List.of("i18n/flu.properties", "i18n/flu_ja.properties")) {
			assertThat(member.stream().filter(k -> !load(bundle).containsKey(k)).toList())
				.as("keys built by the flu templates missing from %s", bundle)
				.isEmpty();
		}
		for (String bundle : List.of("i18n/console-flu.properties", "i18n/console-flu_ja.properties")) {
			assertThat(console.stream().filter(k -> !load(bundle).containsKey(k)).toList())
				.as("keys built by the admin/flu templates missing from %s", bundle)
				.isEmpty();
		}
	}

	@Test
	void englishMessagesUseTheSamePlaceholdersAsJapanese() {
		assertSamePlaceholders(CONSOLE_NOTICES, CONSOLE_NOTICES_JA);
		assertSamePlaceholders(CONSOLE_SETTINGS, CONSOLE_SETTINGS_JA);
		assertSamePlaceholders(CONSOLE, CONSOLE_JA);
		assertSamePlaceholders(CONSOLE_DASHBOARD, CONSOLE_DASHBOARD_JA);
		assertSamePlaceholders(CONSOLE_PASSKEY, CONSOLE_PASSKEY_JA);
		assertSamePlaceholders(CONSOLE_LETTERS, CONSOLE_LETTERS_JA);
		assertSamePlaceholders(SERVICES, SERVICES_JA);
		assertSamePlaceholders(PAGES, PAGES_JA);
		assertSamePlaceholders(MESSAGES, MESSAGES_JA);
		assertSamePlaceholders(PASSWORD, PASSWORD_JA);
		assertSamePlaceholders(RECOVERY, RECOVERY_JA);
	}

	@Test
	void noMessageContainsAnApostropheThatMessageFormatWouldDrop() {
		List<String> offending = new ArrayList<>();
		for (String file : List.of(MESSAGES, MESSAGES_JA, PASSWORD, PASSWORD_JA, RECOVERY, RECOVERY_JA, SERVICES,
				SERVICES_JA, PAGES, PAGES_JA, CONSOLE, CONSOLE_JA, CONSOLE_DASHBOARD, CONSOLE_DASHBOARD_JA, CONSOLE_NOTICES, CONSOLE_NOTICES_JA, CONSOLE_SETTINGS, CONSOLE_SETTINGS_JA, CONSOLE_SUPPORT, CONSOLE_SUPPORT_JA, CONSOLE_PASSKEY, CONSOLE_PASSKEY_JA, CONSOLE_LETTERS, CONSOLE_LETTERS_JA, CONSOLE_IMPORTS, CONSOLE_IMPORTS_JA)) {
			load(file).forEach((key, value) -> {
				if (value.toString().indexOf('\'') >= 0) {
					offending.add(file + ": " + key);
				}
			});
		}
		assertThat(offending).as("messages containing an ASCII apostrophe (use ’ or rephrase)").isEmpty();
	}

	@Test
	void templatesUseOnlyKeysThatExist() {
		Properties japanese = load(MESSAGES_JA);
		Properties passwordJapanese = load(PASSWORD_JA);
		Properties recoveryJapanese = load(RECOVERY_JA);
		Properties servicesJapanese = load(SERVICES_JA);
		Properties pagesJapanese = load(PAGES_JA);
		Properties consoleJapanese = load(CONSOLE_JA);
		consoleJapanese.putAll(load(CONSOLE_DASHBOARD_JA));
		Properties consoleNoticesJapanese = load(CONSOLE_NOTICES_JA);
		consoleJapanese.putAll(load(CONSOLE_SETTINGS_JA));
		consoleJapanese.putAll(load(CONSOLE_SUPPORT_JA));
		consoleJapanese.putAll(load(CONSOLE_PASSKEY_JA));
		consoleJapanese.putAll(load(CONSOLE_LETTERS_JA));
		// インフルエンザ予防接種補助 (issue 12): the member and console bundles
		consoleJapanese.putAll(load("i18n/flu_ja.properties"));
		consoleJapanese.putAll(load("i18n/console-flu_ja.properties"));
		consoleJapanese.putAll(load(CONSOLE_IMPORTS_JA));
		List<String> missing = new ArrayList<>();
		int found = 0;
		for (Path template : templates()) {
			Matcher m = (template.toString().endsWith(".jte") ? JTE_MESSAGE_KEY : LITERAL_MESSAGE_KEY)
				.matcher(read(template));
			while (m.find()) {
				found++;
				String key = m.group(1);
				if (!japanese.containsKey(key) && !passwordJapanese.containsKey(key) && !recoveryJapanese.containsKey(key)
						&& !servicesJapanese.containsKey(key) && !pagesJapanese.containsKey(key)
						&& !consoleJapanese.containsKey(key)
						&& !consoleNoticesJapanese.containsKey(key)) {
					missing.add(template + ": " + key);
				}
			}
		}
		assertThat(found).as("literal message keys found in the templates").isPositive();
		assertThat(missing).as("template message keys missing from %s", MESSAGES_JA).isEmpty();
	}

	@Test
	void templatesNeverWriteUnescapedText() {
		List<String> offending = templates().stream()
			.filter(t -> read(t).contains("th:utext") || read(t).contains("th-utext") || read(t).contains("$unsafe{"))
			.map(Path::toString)
			.toList();
		assertThat(offending).as("templates using th:utext or jte's $unsafe{}").isEmpty();
	}

	@Test
	void keysBuiltByTheCodeExistInBothLanguages() {
		List<String> keys = new ArrayList<>();
		for (String factor : List.of("EMAIL_CODE", "TOTP", "PASSKEY")) {
			keys.add("factor." + factor);
			keys.add("factor." + factor + ".hint");
		}
		for (String check : List.of("wrong", "exhausted", "no_active_code", "malformed", "accepted", "tooSoon")) {
			keys.add("code.error." + check);
		}
		for (String service : List.of("medical", "benefit", "qualification", "flu")) {
			keys.add("service." + service);
		}
		for (String mail : List.of("code.sign_in", "code.enrol", "emailVerification")) {
			keys.add("mail." + mail + ".subject");
			keys.add("mail." + mail + ".body");
		}
		keys.add("mail.signature");
		keys.add("mail.securityNotice.subject");
		keys.add("mail.securityNotice.body");
		for (String type : List.of("SIGN_IN_PASSWORD_ACCEPTED", "SIGN_IN_SECOND_FACTOR_ACCEPTED", "SIGN_IN_FAILED",
				"SECOND_FACTOR_FAILED", "ACCOUNT_LOCKED", "SIGNED_OUT", "ONBOARDING_COMPLETED")) {
			keys.add("audit." + type);
		}
		for (String factor : List.of("EMAIL_CODE", "TOTP", "PASSKEY")) {
			keys.add("home.welcome." + factor);
		}
		for (String recovery : List.of("mail.userIdReminder.subject", "mail.userIdReminder.body",
				"mail.passwordReset.subject", "mail.passwordReset.body", "notice.passwordReset")) {
			assertThat(load(RECOVERY_JA)).containsKey(recovery);
			assertThat(load(RECOVERY)).containsKey(recovery);
		}

		List<String> serviceKeys = new ArrayList<>();
		for (var kind : jp.kenpoportal.benefit.BenefitKind.values()) {
			serviceKeys.add(kind.messageKey());
		}
		for (var category : jp.kenpoportal.medical.ClaimCategory.values()) {
			serviceKeys.add(category.messageKey());
		}
		for (String kind : List.of("MEDICAL", "BENEFIT", "NOTICE")) {
			serviceKeys.add("mail.published." + kind + ".subject");
			serviceKeys.add("mail.published." + kind + ".body");
		}
		for (String service : List.of("medical", "benefit", "qualification", "flu")) {
			serviceKeys.add("service." + service + ".description");
		}
		for (String sex : List.of("MALE", "FEMALE")) {
			serviceKeys.add("qualification.sex." + sex);
		}
		for (String type : List.of("DOCUMENT_DOWNLOADED", "DOWNLOAD_THROTTLED", "PUBLICATION_MAIL_CHANGED")) {
			serviceKeys.add("audit." + type);
		}
		assertThat(serviceKeys.stream().filter(k -> !load(SERVICES_JA).containsKey(k)).toList())
			.as("keys built by the code missing from %s", SERVICES_JA)
			.isEmpty();
		assertThat(serviceKeys.stream().filter(k -> !load(SERVICES).containsKey(k)).toList())
			.as("keys built by the code missing from %s", SERVICES)
			.isEmpty();

		Properties english = load(MESSAGES);
		Properties japanese = load(MESSAGES_JA);
		assertThat(keys.stream().filter(k -> !japanese.containsKey(k)).toList())
			.as("keys built by the code missing from %s", MESSAGES_JA)
			.isEmpty();
		assertThat(keys.stream().filter(k -> !english.containsKey(k)).toList())
			.as("keys built by the code missing from %s", MESSAGES)
			.isEmpty();
	}

	// jte console pages (issue 14, admin/dashboard, imports, letters, notices, settings): keys the templates build
	@Test
	void consolePageKeysBuiltByTheJteTemplatesExist() {
		List<String> keys = new ArrayList<>();
		for (var factor : jp.kenpoportal.tenant.SecondFactor.values()) {
			keys.add("dashboard.factor." + factor.name());
		}
		for (Integer band : jp.kenpoportal.account.RegistrationFigures.AGE_BANDS) {
			keys.add("dashboard.age." + band);
		}
		for (String encoding : List.of("MS932", "UTF_8")) {
			keys.add("dashboard.csv.encoding." + encoding);
		}
		for (var kind : jp.kenpoportal.admin.imports.ImportKind.values()) {
			keys.add(kind.messageKey());
		}
		for (var state : jp.kenpoportal.admin.imports.ImportState.values()) {
			keys.add(state.messageKey());
		}
		for (String change : List.of("NEW", "CHANGED", "REKEYED", "LOST", "ABSENT", "RELEASED")) {
			keys.add("imports.change." + change);
		}
		for (String state : List.of("QUEUED", "RUNNING", "READY", "DOWNLOADED", "EXPIRED", "FAILED")) {
			keys.add("console.letters.state." + state);
		}
		for (String scope : List.of("ALL", "EMPLOYERS", "HOUSEHOLD")) {
			keys.add("console.letters.scope." + scope);
		}
		for (var status : jp.kenpoportal.portal.KenpoNotice.Status.values()) {
			keys.add(status.messageKey());
		}
		for (var audience : jp.kenpoportal.portal.NoticeAudience.values()) {
			keys.add(audience.messageKey());
		}
		for (var characterClass : jp.kenpoportal.tenant.CharacterClass.values()) {
			keys.add("console.settings.CharacterClass." + characterClass.name());
		}
		for (var factor : jp.kenpoportal.tenant.SecondFactor.values()) {
			keys.add("console.settings.SecondFactor." + factor.name());
		}
		for (String state : List.of("current", "scheduled", "past")) {
			keys.add("console.terms.state." + state);
		}
		Properties japanese = load(CONSOLE_DASHBOARD_JA);
		Properties english = load(CONSOLE_DASHBOARD);
		for (String bundle : List.of(CONSOLE_IMPORTS, CONSOLE_LETTERS, CONSOLE_NOTICES, CONSOLE_SETTINGS, CONSOLE)) {
			english.putAll(load(bundle));
			japanese.putAll(load(bundle.replace(".properties", "_ja.properties")));
		}
		assertThat(keys.stream().filter(k -> !japanese.containsKey(k)).toList()).as("missing in Japanese").isEmpty();
		assertThat(keys.stream().filter(k -> !english.containsKey(k)).toList()).as("missing in English").isEmpty();
	}

	private static void assertSameKeys(String english, String japanese) {
		Set<String> en = keys(load(english));
		Set<String> ja = keys(load(japanese));
		Set<String> onlyJapanese = new TreeSet<>(ja);
		onlyJapanese.removeAll(en);
		Set<String> onlyEnglish = new TreeSet<>(en);
		onlyEnglish.removeAll(ja);
		assertThat(onlyJapanese).as("keys in %s but not in %s", japanese, english).isEmpty();
		assertThat(onlyEnglish).as("keys in %s but not in %s", english, japanese).isEmpty();
	}

	private static void assertSamePlaceholders(String english, String japanese) {
		Properties en = load(english);
		Properties ja = load(japanese);
		TreeMap<String, String> differing = new TreeMap<>();
		for (String key : keys(ja)) {
			if (en.containsKey(key)) {
				Set<String> enArgs = placeholders(en.getProperty(key));
				Set<String> jaArgs = placeholders(ja.getProperty(key));
				if (!enArgs.equals(jaArgs)) {
					differing.put(key, english + " " + enArgs + " vs " + japanese + " " + jaArgs);
				}
			}
		}
		assertThat(differing).as("messages whose {n} placeholders differ").isEmpty();
	}

	private static Set<String> placeholders(String message) {
		Set<String> found = new TreeSet<>();
		Matcher m = PLACEHOLDER.matcher(message);
		while (m.find()) {
			found.add("{" + m.group(1) + "}");
		}
		return found;
	}

	private static Set<String> keys(Properties properties) {
		return new TreeSet<>(properties.stringPropertyNames());
	}

	private static Properties load(String resource) {
		InputStream in = MessagesCompletenessTest.class.getClassLoader().getResourceAsStream(resource);
		assertThat(in).as("classpath resource %s", resource).isNotNull();
		try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
			Properties properties = new Properties();
			properties.load(reader);
			return properties;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The Thymeleaf templates ({@code .html}) and the jte ones ({@code .jte}). */
	private static List<Path> templates() {
		assertThat(TEMPLATES).as("templates folder (run from the project directory)").isDirectory();
		assertThat(JTE_TEMPLATES).as("jte templates folder").isDirectory();
		try (Stream<Path> html = Files.walk(TEMPLATES); Stream<Path> jte = Files.walk(JTE_TEMPLATES)) {
			List<Path> all = new ArrayList<>(html.filter(p -> p.toString().endsWith(".html")).toList());
			all.addAll(jte.filter(p -> p.toString().endsWith(".jte")).toList());
			assertThat(all).as("jte templates").anyMatch(p -> p.toString().endsWith(".jte"));
			return all.stream().filter(Files::isRegularFile).sorted().toList();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}
