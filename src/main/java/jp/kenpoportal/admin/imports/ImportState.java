package jp.kenpoportal.admin.imports;

/** Where an import job is. */
public enum ImportState {

	RECEIVED, VALIDATING, PREVIEW, APPLYING, APPLIED, UNCHANGED, FAILED, DISCARDED;

	public boolean running() {
		return this == RECEIVED || this == VALIDATING || this == APPLYING;
	}

	public String messageKey() {
		return "imports.state." + name();
	}
}
