package jp.kenpoportal.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The portal needs no JVM flag for fast Argon2: the hasher gives HotSpot the inlining directive itself
 * (shared/STACK.md §12), in this surefire JVM as in {@code java -jar}, which is started without any flag.
 */
class Argon2InliningTest {

	@Test
	void theJvmCarriesTheInliningDirectiveOnceTheHasherIsUsed() throws Exception {
		Argon2Inlining.ensureApplied();
		Argon2Inlining.ensureApplied();

		String directives = Argon2Inlining.printDirectives();

		assertThat(directives).contains("/crypto/generators/Argon2BytesGenerator*.*");
		assertThat(directives.split("Directive:", -1)).as("ours once, not per call, and HotSpot's default")
			.hasSize(3);
	}
}
