package jp.kenpoportal.signin.totp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** Checks the algorithm against an independent implementation, Debian's oathtool, rather than against itself. */
class TotpAlgorithmAgainstOathtoolTest {

	private static final List<Instant> INSTANTS = List.of(Instant.parse("1970-01-01T00:00:59Z"),
			Instant.parse("2009-02-13T23:31:30Z"), Instant.parse("2026-04-01T09:00:00Z"),
			Instant.parse("2026-04-01T09:00:29Z"), Instant.parse("2033-05-18T03:33:20Z"),
			Instant.parse("2038-01-19T03:14:08Z"));

	@Test
	void producesTheSameCodesAsOathtoolForRandomSecrets() {
		for (int i = 0; i < 5; i++) {
			TotpSecret secret = TotpSecret.generate();
			for (Instant instant : INSTANTS) {
				assertThat(TotpAlgorithm.code(secret.key(), TotpAlgorithm.stepAt(instant)))
					.as("secret %s at %s", secret.base32(), instant)
					.isEqualTo(oathtool(secret.base32(), instant));
			}
		}
	}

	@Test
	void acceptsCodesProducedByOathtool() {
		TotpSecret secret = TotpSecret.generate();
		Instant now = Instant.parse("2026-04-01T09:00:10Z");

		assertThat(TotpAlgorithm.matchingStep(secret.key(), oathtool(secret.base32(), now), now, -1))
			.hasValue(TotpAlgorithm.stepAt(now));
	}

	private static String oathtool(String base32Key, Instant at) {
		ProcessBuilder builder = new ProcessBuilder("oathtool", "--totp=sha1", "--digits=6", "--time-step-size=30s",
				"--base32", "-N", at.toString(), base32Key).redirectErrorStream(true);
		builder.environment().put("TZ", "UTC");
		try {
			Process process = builder.start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
			if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
				return fail("oathtool failed for %s: %s", at, output);
			}
			return output;
		}
		catch (IOException e) {
			return fail("oathtool is needed for this test but could not be run (" + e.getMessage()
					+ "); install it with: apt-get install oathtool", e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return fail("interrupted while waiting for oathtool", e);
		}
	}
}
