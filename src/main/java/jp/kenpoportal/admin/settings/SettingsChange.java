package jp.kenpoportal.admin.settings;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import jp.kenpoportal.tenant.CharacterClass;
import jp.kenpoportal.tenant.ExternalLink;
import jp.kenpoportal.tenant.KenpoSettings;
import jp.kenpoportal.tenant.SecondFactor;

import org.springframework.context.MessageSource;

/**
 * What a settings change changes, field by field, old → new: for the confirmation screen (in
 * Japanese) and for the audit event (the stored values, so that it reads the same whatever
 * the labels become).
 */
final class SettingsChange {

	private static final Locale JAPANESE = Locale.JAPANESE;

	private final List<Field> fields;

	private SettingsChange(List<Field> fields) {
		this.fields = fields;
	}

	static SettingsChange between(KenpoSettings before, KenpoSettings after) {
		List<Field> changed = new ArrayList<>();
		for (Property p : Property.values()) {
			Object old = p.value.apply(before);
			Object now = p.value.apply(after);
			if (!old.equals(now)) {
				changed.add(new Field(p, old, now));
			}
		}
		return new SettingsChange(changed);
	}

	boolean isEmpty() {
		return fields.isEmpty();
	}

	/** The rows of the confirmation table, labelled and written for people. */
	List<Row> rows(MessageSource messages) {
		return fields.stream()
			.map(f -> new Row(messages.getMessage(f.property.labelKey, null, JAPANESE),
					display(f.old, messages), display(f.now, messages)))
			.toList();
	}

	/** One line for the audit event: {@code field: old → new; …}. */
	String auditDetail() {
		return String.join("; ", fields.stream().map(f -> f.property.auditName + ": " + f.old + " → " + f.now).toList());
	}

	private static String display(Object value, MessageSource messages) {
		if (value instanceof ServiceList services) {
			return display(services.codes().stream()
				.map(code -> messages.getMessage("service." + code, null, code, JAPANESE))
				.toList(), messages);
		}
		if (value instanceof Collection<?> c) {
			if (c.isEmpty()) {
				return messages.getMessage("console.settings.none", null, JAPANESE);
			}
			return String.join(c.iterator().next() instanceof ExternalLink ? "\n" : "、",
					c.stream().map(v -> display(v, messages)).toList());
		}
		if (value instanceof Enum<?> e) {
			return messages.getMessage("console.settings." + e.getDeclaringClass().getSimpleName() + "." + e.name(), null,
					JAPANESE);
		}
		if (value instanceof AccessAfterLoss a) {
			return a.months() == 0 ? messages.getMessage("console.settings.accessAfterLoss.none", null, JAPANESE)
					: messages.getMessage("console.settings.accessAfterLoss.months.value", new Object[] { a.months() },
							JAPANESE);
		}
		if (value instanceof ExternalLink l) {
			return l.title() + " " + l.url();
		}
		String text = value.toString();
		return text.isEmpty() ? messages.getMessage("console.settings.none", null, JAPANESE) : text;
	}

	/** A row of the confirmation table. */
	record Row(String label, String before, String after) {
	}

	private record Field(Property property, Object old, Object now) {
	}

	/** The settings a change may touch, in the order of the page. */
	private enum Property {

		MIN_LENGTH("passwordMinLength", "console.settings.minLength", s -> s.passwordRules().minLength()),
		MAX_LENGTH("passwordMaxLength", "console.settings.maxLength", s -> s.passwordRules().maxLength()),
		SYMBOLS("passwordSymbols", "console.settings.symbols", s -> s.passwordRules().symbols()),
		CLASSES("passwordRequiredClasses", "console.settings.requiredClasses",
				s -> ordered(s.passwordRules().requiredClasses(), CharacterClass.values())),
		FACTORS("allowedFactors", "console.settings.allowedFactors",
				s -> ordered(s.allowedFactors(), SecondFactor.values())),
		RECOMMENDED("recommendedFactor", "console.settings.recommendedFactor", KenpoSettings::recommendedFactor),
		SERVICES("enabledServices", "console.settings.enabledServices", s -> new ServiceList(SettingsForm.SERVICES.stream().filter(s.enabledServices()::contains).toList())),
		LINKS("links", "console.settings.links", KenpoSettings::links),
		EMAIL("contactEmail", "console.settings.contactEmail", KenpoSettings::contactEmail),
		PHONE("contactPhone", "console.settings.contactPhone", s -> s.contactPhone() == null ? "" : s.contactPhone()),
		DEADLINE("initialPasswordDeadline", "console.settings.initialPasswordDeadline",
				s -> SettingsForm.deadlineDate(s.initialPasswordDeadline())),
		PUBLICATION_DAY("publicationDay", "console.settings.publicationDay", KenpoSettings::publicationDay),
		ACCESS_AFTER_LOSS("accessMonthsAfterLoss", "console.settings.accessAfterLoss",
				s -> new AccessAfterLoss(s.accessMonthsAfterLoss()));

		private final String auditName;

		private final String labelKey;

		private final Function<KenpoSettings, Object> value;

		Property(String auditName, String labelKey, Function<KenpoSettings, Object> value) {
			this.auditName = auditName;
			this.labelKey = labelKey;
			this.value = value;
		}

		private static <E extends Enum<E>> List<E> ordered(Collection<E> set, E[] order) {
			return Arrays.stream(order).filter(set::contains).toList();
		}
	}

	/** Months of access after loss of qualification, shown in words; the number in the audit. */
	private record AccessAfterLoss(int months) {

		@Override
		public String toString() {
			return Integer.toString(months);
		}
	}

	/** Service codes, shown by their names. */
	private record ServiceList(List<String> codes) {

		@Override
		public String toString() {
			return codes.toString();
		}
	}
}
