package jp.kenpoportal.browser;

import java.util.List;
import java.util.stream.Collectors;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Page;

/** The axe-core check every page a browser test visits must pass. */
public final class Accessibility {

	private Accessibility() {
	}

	/** Runs axe on the page as it is now and fails with every violation axe finds. */
	public static void assertNoViolations(Page page) {
		// legacy mode runs axe in the page itself; the default mode opens an extra tab per run to
		// merge frame results, which costs about a second a page, and our pages have no frames
		AxeResults results = new AxeBuilder(page).setLegacyMode(true).analyze();
		if (results.isErrored()) {
			throw new AssertionError("axe could not check " + page.url() + ": " + results.getErrorMessage());
		}
		List<Rule> violations = results.getViolations();
		if (!violations.isEmpty()) {
			throw new AssertionError(violations.size() + " accessibility violation(s) on " + page.url() + ":\n"
					+ violations.stream().map(Accessibility::describe).collect(Collectors.joining("\n")));
		}
	}

	private static String describe(Rule rule) {
		return "- " + rule.getId() + " [" + rule.getImpact() + "] " + rule.getHelp() + " (" + rule.getHelpUrl() + ")\n"
				+ rule.getNodes().stream().map(Accessibility::describe).collect(Collectors.joining("\n"));
	}

	private static String describe(CheckedNode node) {
		String summary = node.getFailureSummary() == null ? "" : node.getFailureSummary().replace("\n", " ");
		return "    at " + node.getTarget() + ": " + summary + "\n      " + node.getHtml();
	}
}
