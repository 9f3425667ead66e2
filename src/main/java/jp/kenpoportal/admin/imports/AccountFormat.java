package jp.kenpoportal.admin.imports;

import java.util.List;
import java.util.Locale;

import jp.kenpoportal.account.LoginIdFormat;
import jp.kenpoportal.common.EmailAddress;

/** Existing web accounts: the old system's user ID and mail address per person (docs/imports/). */
final class AccountFormat implements RowFormat {

	static final List<String> HEADERS = List.of("個人番号", "ユーザID", "メールアドレス");

	@Override
	public List<String> headers() {
		return HEADERS;
	}

	@Override
	public void convert(Fields f, CleanCsv out) {
		String personKey = f.code("個人番号", 20, true);
		String raw = f.required("ユーザID", 40);
		String loginId = raw == null ? null
				: java.text.Normalizer.normalize(raw, java.text.Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
		if (loginId != null && (!LoginIdFormat.validLength(loginId) || !LoginIdFormat.invalidCharacters(loginId).isEmpty())) {
			f.rowError("ユーザID", "imports.error.loginId", null);
		}
		String email = f.raw("メールアドレス", 254);
		if (email != null && !EmailAddress.isValid(jp.kenpoportal.common.TypedInput.email(email))) {
			f.rowError("メールアドレス", "imports.error.email", null);
		}
		if (f.bad()) {
			return;
		}
		out.text(personKey).text(loginId).text(email == null ? null : jp.kenpoportal.common.TypedInput.email(email));
	}
}
