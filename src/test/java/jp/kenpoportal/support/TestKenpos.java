package jp.kenpoportal.support;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jp.kenpoportal.tenant.Kenpo;
import jp.kenpoportal.tenant.KenpoDirectory;
import jp.kenpoportal.tenant.NewKenpo;
import jp.kenpoportal.tenant.PasswordRules;
import jp.kenpoportal.tenant.SecondFactor;

/** A kenpo of a test's own, for tests that change kenpo settings the demo kenpo must keep. */
public final class TestKenpos {

	private TestKenpos() {
	}

	/** A kenpo on {@code <code>.localhost} allowing every factor, with terms to accept. */
	public static Kenpo allFactors(KenpoDirectory kenpos) {
		String code = "k" + System.nanoTime();
		Kenpo kenpo = kenpos.create(new NewKenpo(code, code + ".localhost", "テスト健康保険組合", "06130454",
				"kenpo@" + code + ".example", null, 2, 4, Instant.now().plusSeconds(30L * 86400),
				EnumSet.allOf(SecondFactor.class), SecondFactor.EMAIL_CODE, new PasswordRules(8, 64, "-_!", Set.of()),
				List.of()));
		kenpos.publishTerms(kenpo.id(), "利用規約", "本サービスの利用規約です。");
		return kenpo;
	}
}
