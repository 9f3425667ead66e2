package jp.kenpoportal.signin.totp;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TotpSecretTest {

	@Test
	void hasTwentyBytesWhichAreThirtyTwoBase32Characters() {
		TotpSecret secret = TotpSecret.generate();

		assertThat(secret.key()).hasSize(20);
		assertThat(secret.base32()).matches("[A-Z2-7]{32}");
	}

	@Test
	void isDifferentEachTime() {
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < 100; i++) {
			seen.add(TotpSecret.generate().base32());
		}

		assertThat(seen).hasSize(100);
	}

	@Test
	void groupsTheKeyInFoursForManualEntry() {
		TotpSecret secret = TotpSecret.fromBase32("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");

		assertThat(secret.groupedForDisplay()).isEqualTo("GEZD GNBV GY3T QOJQ GEZD GNBV GY3T QOJQ");
	}

	@Test
	void readsBackTheGroupedFormTypedInLowerCase() {
		TotpSecret secret = TotpSecret.generate();

		assertThat(TotpSecret.fromBase32(secret.groupedForDisplay().toLowerCase())).isEqualTo(secret);
	}

	@Test
	void handsOutCopiesSoTheKeyCannotBeChangedFromOutside() {
		TotpSecret secret = TotpSecret.generate();
		String before = secret.base32();

		secret.key()[0] ^= 1;

		assertThat(secret.base32()).isEqualTo(before);
	}

	@Test
	void neverShowsTheKeyInToString() {
		TotpSecret secret = TotpSecret.generate();

		assertThat(secret.toString()).doesNotContain(secret.base32());
	}
}
