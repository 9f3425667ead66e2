package jp.kenpoportal.admin.notices;

import java.util.List;

/**
 * The posted お知らせ form, bound by name; an unchecked box is simply absent. {@code action} is
 * the button pressed: プレビュー ("preview") shows the member page, 保存 ("save") saves.
 */
record NoticeFormParams(String title, String body, String publishFrom, String publishUntil, String audience,
		List<String> employers, String mailAlert, String action) {

	NoticeForm form() {
		return new NoticeForm(title, body, publishFrom, publishUntil, audience, employers, mailAlert != null);
	}

	boolean saving() {
		return "save".equals(action);
	}
}
