package jp.kenpoportal.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The OWASP ASVS map (docs/security/asvs-l2.md) names tests as proof: each must exist, so that
 * a renamed or deleted test cannot leave a requirement "proven" by nothing, and the counts at
 * its top must be the counts of its rows.
 */
class AsvsMapTest {

	private static final Path MAP = Path.of("docs/security/asvs-l2.md");

	// `signin/LockoutTest.whenFiveWrong…` or `MessagesCompletenessTest.templates…`
	private static final Pattern PROOF = Pattern.compile("`((?:[a-z]+/)*)([A-Z][A-Za-z0-9]+)\\.([a-z][A-Za-z0-9]+)`");

	private static final Pattern ROW = Pattern.compile("^\\| (\\d+\\.\\d+\\.\\d+) \\| \\d \\| .* \\| (proven|n/a|\\*\\*not proven\\*\\*) \\| .*\\|$");

	@Test
	void everyTestNamedAsProofExists() throws IOException {
		String map = Files.readString(MAP, StandardCharsets.UTF_8);
		List<String> missing = new ArrayList<>();
		int named = 0;
		Matcher m = PROOF.matcher(map);
		while (m.find()) {
			named++;
			String className = "jp.kenpoportal." + m.group(1).replace('/', '.') + m.group(2);
			if (!hasMethod(className, m.group(3))) {
				missing.add(m.group());
			}
		}
		assertThat(named).isGreaterThan(100);
		assertThat(missing).as("tests named in %s that do not exist", MAP).isEmpty();
	}

	@Test
	void theCountsAtTheTopAreTheCountsOfTheRows() throws IOException {
		List<String> lines = Files.readAllLines(MAP, StandardCharsets.UTF_8);
		int proven = 0;
		int notApplicable = 0;
		int notProven = 0;
		for (String line : lines) {
			Matcher row = ROW.matcher(line);
			if (row.matches()) {
				switch (row.group(2)) {
					case "proven" -> proven++;
					case "n/a" -> notApplicable++;
					default -> notProven++;
				}
			}
		}
		String counts = String.join("\n", lines.subList(0, Math.min(lines.size(), 40)));
		assertThat(counts).contains("**" + (proven + notApplicable + notProven) + "** requirements",
				"**" + (proven + notProven) + "** applicable", "**" + proven + "** proven by a named test",
				"**" + notApplicable + "** not applicable", "**" + notProven + "** not proven");
	}

	private static boolean hasMethod(String className, String method) {
		try {
			Class<?> type = Class.forName(className);
			return Arrays.stream(type.getDeclaredMethods()).map(Method::getName).anyMatch(method::equals);
		}
		catch (ClassNotFoundException e) {
			return false;
		}
	}
}
