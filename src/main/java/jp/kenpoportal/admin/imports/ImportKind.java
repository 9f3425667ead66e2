package jp.kenpoportal.admin.imports;

import java.util.Locale;
import java.util.Optional;

/** The files the kenpo's core system delivers (docs/imports/). */
public enum ImportKind {

	/** 被保険者・被扶養者: applied only when staff confirm the preview. */
	ROSTER(true),
	/** 医療費 (claims, monthly). */
	CLAIMS(false),
	/** 給付 decisions. */
	DECISIONS(false),
	/** Existing web accounts from the old system. */
	ACCOUNTS(false);

	private final boolean previewed;

	ImportKind(boolean previewed) {
		this.previewed = previewed;
	}

	boolean previewed() {
		return previewed;
	}

	public String messageKey() {
		return "imports.kind." + name();
	}

	/** The name in the API's URL: roster, claims, decisions, accounts. */
	String path() {
		return name().toLowerCase(Locale.ROOT);
	}

	static Optional<ImportKind> ofPath(String path) {
		for (ImportKind k : values()) {
			if (k.path().equals(path)) {
				return Optional.of(k);
			}
		}
		return Optional.empty();
	}
}
