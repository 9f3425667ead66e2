package jp.kenpoportal.admin.settings;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jp.kenpoportal.common.TypedInput;
import jp.kenpoportal.tenant.CharacterClass;
import jp.kenpoportal.tenant.ExternalLink;
import jp.kenpoportal.tenant.KenpoSettings;
import jp.kenpoportal.tenant.PasswordRules;
import jp.kenpoportal.tenant.SecondFactor;

/**
 * The settings page as typed: kept as text so that bad input comes back as it was. No kenpo
 * in it: the kenpo is always the staff member's (or the operator's chosen one).
 */
record SettingsForm(String minLength, String maxLength, String symbols, List<String> requiredClasses,
		List<String> allowedFactors, String recommendedFactor, List<String> enabledServices, String links,
		String contactEmail, String contactPhone, String initialPasswordDeadline, String publicationDay,
		String accessAfterLoss, String accessMonths) {

	/** {@link #accessAfterLoss}: access ends on the 資格喪失日. */
	static final String ACCESS_NONE = "none";

	/** {@link #accessAfterLoss}: access lasts {@link #accessMonths} months after it. */
	static final String ACCESS_MONTHS = "months";

	static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

	/** The services a kenpo may enable, in the order shown. */
	static final List<String> SERVICES = List.of("medical", "benefit", "qualification", "flu");

	static final int MAX_PASSWORD_LENGTH = 128;

	static final int MAX_LINKS = 12;

	SettingsForm {
		requiredClasses = requiredClasses == null ? List.of() : List.copyOf(requiredClasses);
		allowedFactors = allowedFactors == null ? List.of() : List.copyOf(allowedFactors);
		enabledServices = enabledServices == null ? List.of() : List.copyOf(enabledServices);
	}

	static SettingsForm of(KenpoSettings s) {
		PasswordRules r = s.passwordRules();
		return new SettingsForm(Integer.toString(r.minLength()), Integer.toString(r.maxLength()), r.symbols(),
				names(r.requiredClasses(), CharacterClass.values()), names(s.allowedFactors(), SecondFactor.values()),
				s.recommendedFactor().name(), SERVICES.stream().filter(s.enabledServices()::contains).toList(),
				linksText(s.links()), s.contactEmail(), s.contactPhone() == null ? "" : s.contactPhone(),
				deadlineDate(s.initialPasswordDeadline()).toString(), Integer.toString(s.publicationDay()),
				s.accessMonthsAfterLoss() == 0 ? ACCESS_NONE : ACCESS_MONTHS,
				s.accessMonthsAfterLoss() == 0 ? "" : Integer.toString(s.accessMonthsAfterLoss()));
	}

	/** Field → message key of what is wrong, in the order of the page; empty when all is well. */
	Map<String, String> errors(LocalDate today) {
		Map<String, String> errors = new LinkedHashMap<>();
		Integer min = number(minLength);
		Integer max = number(maxLength);
		if (min == null || min < 8) {
			errors.put("minLength", "console.settings.error.minLength");
		}
		if (max == null || max > MAX_PASSWORD_LENGTH || (min != null && max < min)) {
			errors.put("maxLength", "console.settings.error.maxLength");
		}
		String sym = symbols == null ? "" : symbols;
		if (!sym.matches("[!-/:-@\\[-`{-~]*") || sym.length() > 32) {
			errors.put("symbols", "console.settings.error.symbols");
		}
		if (!known(requiredClasses, CharacterClass.values())) {
			errors.put("requiredClasses", "console.settings.error.unknown");
		}
		else if (requiredClasses.contains(CharacterClass.SYMBOL.name()) && sym.isEmpty()) {
			errors.put("symbols", "console.settings.error.symbolsRequired");
		}
		if (allowedFactors.isEmpty() || !known(allowedFactors, SecondFactor.values())) {
			errors.put("allowedFactors", "console.settings.error.allowedFactors");
		}
		else if (!allowedFactors.contains(recommendedFactor)) {
			errors.put("recommendedFactor", "console.settings.error.recommendedFactor");
		}
		if (!SERVICES.containsAll(enabledServices)) {
			errors.put("enabledServices", "console.settings.error.unknown");
		}
		String linkError = linkError();
		if (linkError != null) {
			errors.put("links", linkError);
		}
		if (!TypedInput.text(contactEmail).matches("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+") || TypedInput.text(contactEmail).length() > 254) {
			errors.put("contactEmail", "console.settings.error.contactEmail");
		}
		if (!TypedInput.text(contactPhone).matches("([0-9]{2,5}-?[0-9]{1,4}-?[0-9]{3,4})?")) {
			errors.put("contactPhone", "console.settings.error.contactPhone");
		}
		LocalDate deadline = date(initialPasswordDeadline);
		if (deadline == null) {
			errors.put("initialPasswordDeadline", "console.settings.error.deadline");
		}
		Integer day = number(publicationDay);
		if (day == null || day < 1 || day > 28) {
			errors.put("publicationDay", "console.settings.error.publicationDay");
		}
		if (!ACCESS_NONE.equals(accessAfterLoss) && !ACCESS_MONTHS.equals(accessAfterLoss)) {
			errors.put("accessAfterLoss", "console.settings.error.accessAfterLoss");
		}
		else if (ACCESS_MONTHS.equals(accessAfterLoss)) {
			Integer months = number(accessMonths);
			if (months == null || months < 1 || months > KenpoSettings.MAX_ACCESS_MONTHS_AFTER_LOSS) {
				errors.put("accessMonths", "console.settings.error.accessMonths");
			}
		}
		return errors;
	}

	/**
	 * The settings this form asks for, from a form without errors. An unchanged deadline date
	 * keeps the exact moment it had; a new one runs to the end of that day in Japan.
	 */
	KenpoSettings toSettings(KenpoSettings current) {
		LocalDate deadline = date(initialPasswordDeadline);
		Instant deadlineAt = deadline.equals(deadlineDate(current.initialPasswordDeadline()))
				? current.initialPasswordDeadline() : deadline.plusDays(1).atStartOfDay(JAPAN).toInstant();
		Set<CharacterClass> classes = EnumSet.noneOf(CharacterClass.class);
		requiredClasses.forEach(c -> classes.add(CharacterClass.valueOf(c)));
		Set<SecondFactor> factors = EnumSet.noneOf(SecondFactor.class);
		allowedFactors.forEach(f -> factors.add(SecondFactor.valueOf(f)));
		String phone = TypedInput.text(contactPhone);
		return new KenpoSettings(TypedInput.text(contactEmail), phone.isEmpty() ? null : phone, deadlineAt, factors,
				SecondFactor.valueOf(recommendedFactor),
				new PasswordRules(number(minLength), number(maxLength), symbols == null ? "" : symbols, classes),
				SERVICES.stream().filter(enabledServices::contains).toList(), parsedLinks(), number(publicationDay),
				ACCESS_MONTHS.equals(accessAfterLoss) ? number(accessMonths) : 0);
	}

	/** The last day an initial password works, in Japan. */
	static LocalDate deadlineDate(Instant deadline) {
		return LocalDate.ofInstant(deadline.minusNanos(1), JAPAN);
	}

	/** One link a line: the title, a space, the https:// address. */
	static String linksText(List<ExternalLink> links) {
		return String.join("\n", links.stream().map(l -> l.title() + " " + l.url()).toList());
	}

	private String linkError() {
		List<String> lines = linkLines();
		if (lines.size() > MAX_LINKS) {
			return "console.settings.error.linksMany";
		}
		for (String line : lines) {
			int space = line.lastIndexOf(' ');
			if (space <= 0 || line.substring(0, space).strip().length() > 40) {
				return "console.settings.error.linkFormat";
			}
			if (!line.substring(space + 1).matches("https://[^\\s/?#]+\\.[^\\s/?#]+[^\\s]*")) {
				return "console.settings.error.linkHttps";
			}
		}
		return null;
	}

	private List<ExternalLink> parsedLinks() {
		List<ExternalLink> parsed = new ArrayList<>();
		for (String line : linkLines()) {
			int space = line.lastIndexOf(' ');
			parsed.add(new ExternalLink(line.substring(0, space).strip(), line.substring(space + 1)));
		}
		return parsed;
	}

	private List<String> linkLines() {
		return (links == null ? "" : links).lines()
			.map(l -> TypedInput.text(l).replace('\u3000', ' ').strip())
			.filter(l -> !l.isEmpty())
			.toList();
	}

	private static Integer number(String text) {
		String t = TypedInput.text(text);
		return t.matches("[0-9]{1,4}") ? Integer.valueOf(t) : null;
	}

	private static LocalDate date(String text) {
		try {
			return LocalDate.parse(TypedInput.text(text));
		}
		catch (DateTimeParseException e) {
			return null;
		}
	}

	private static <E extends Enum<E>> boolean known(List<String> names, E[] values) {
		return Arrays.stream(values).map(Enum::name).toList().containsAll(names);
	}

	private static <E extends Enum<E>> List<String> names(Set<E> set, E[] order) {
		return Arrays.stream(order).filter(set::contains).map(Enum::name).toList();
	}
}
