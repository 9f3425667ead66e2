package jp.kenpoportal.admin.letters;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jp.kenpoportal.common.TypedInput;

/**
 * The form that asks for letters, as typed. {@link #errors} checks what can be checked without the
 * roster; what is kept for showing again is cut to a sane length, so a 10,000-character field
 * comes back as a message, never as a page of its echo.
 */
record LetterRequest(String scope, List<String> employerCodes, String symbol, String number, String reason) {

	static final int MAX_REASON = 200;

	private static final String DIGITS = "[0-9]{1,10}";

	LetterRequest {
		scope = scope == null ? "" : scope;
		employerCodes = employerCodes == null ? List.of() : employerCodes.stream().limit(1000).toList();
		symbol = symbol == null ? "" : symbol;
		number = number == null ? "" : number;
		reason = reason == null ? "" : reason;
	}

	static LetterRequest empty() {
		return new LetterRequest("", List.of(), "", "", "");
	}

	/** Field → message key; empty when the form is complete. */
	Map<String, String> errors(Set<String> knownEmployers) {
		Map<String, String> errors = new LinkedHashMap<>();
		LetterBatch.Scope chosen = chosenScope();
		if (chosen == null) {
			errors.put("scope", "console.letters.error.scope");
		}
		else if (chosen == LetterBatch.Scope.EMPLOYERS) {
			if (employerCodes.isEmpty()) {
				errors.put("employerCodes", "console.letters.error.employers");
			}
			else if (!knownEmployers.containsAll(employerCodes)) {
				errors.put("employerCodes", "console.letters.error.employerUnknown");
			}
		}
		else if (chosen == LetterBatch.Scope.HOUSEHOLD && (!typedSymbol().matches(DIGITS)
				|| !typedNumber().matches(DIGITS))) {
			errors.put("household", "console.letters.error.household");
		}
		String typed = typedReason();
		if (TypedInput.hasControlCharacter(reason)) {
			errors.put("reason", "console.letters.error.controlCharacter");
		}
		else if (typed.isEmpty()) {
			errors.put("reason", "console.reason.error.required");
		}
		else if (typed.length() > MAX_REASON) {
			errors.put("reason", "console.reason.error.long");
		}
		return errors;
	}

	LetterBatch.Scope chosenScope() {
		for (LetterBatch.Scope s : LetterBatch.Scope.values()) {
			if (s.name().equals(scope)) {
				return s;
			}
		}
		return null;
	}

	/** 記号・番号 as digits only (全角 digits, spaces and hyphens forgiven). */
	String typedSymbol() {
		return TypedInput.digits(symbol);
	}

	String typedNumber() {
		return TypedInput.digits(number);
	}

	String typedReason() {
		return TypedInput.text(reason);
	}

	/** The form as shown again: input kept, but never more than a field could hold. */
	LetterRequest kept() {
		return new LetterRequest(cut(scope, 20), employerCodes.stream().map(c -> cut(c, 20)).toList(),
				cut(TypedInput.shown(symbol), 40), cut(TypedInput.shown(number), 40),
				cut(TypedInput.shown(reason), MAX_REASON * 4));
	}

	private static String cut(String s, int max) {
		return s.length() > max ? "" : s;
	}
}
