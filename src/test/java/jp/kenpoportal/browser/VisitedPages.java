package jp.kenpoportal.browser;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Page;

/**
 * Remembers every document a tracked tab showed and whether axe checked it before the tab
 * moved on, so no page of a journey can slip past the accessibility check.
 */
final class VisitedPages {

	private final Map<Page, String> unchecked = new IdentityHashMap<>();

	private final List<String> missed = new ArrayList<>();

	void track(Page page) {
		page.onFrameNavigated(frame -> {
			if (frame.parentFrame() == null) {
				String previous = unchecked.put(page, frame.url());
				if (previous != null) {
					missed.add(previous);
				}
			}
		});
	}

	void checked(Page page) {
		unchecked.remove(page);
	}

	void assertEveryPageChecked() {
		List<String> notChecked = new ArrayList<>(missed);
		notChecked.addAll(unchecked.values());
		if (!notChecked.isEmpty()) {
			throw new AssertionError("pages visited without an accessibility check: " + notChecked);
		}
	}
}
