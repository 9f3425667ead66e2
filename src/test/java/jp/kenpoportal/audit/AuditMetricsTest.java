package jp.kenpoportal.audit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The factor label comes from a fixed set; anything else in an audit detail never becomes a label. */
class AuditMetricsTest {

	@Test
	void theFactorIsReadFromKnownWordsOnly() {
		assertThat(AuditMetrics.factor("TOTP")).isEqualTo("totp");
		assertThat(AuditMetrics.factor("ENROL PASSKEY")).isEqualTo("passkey");
		assertThat(AuditMetrics.factor("SWITCH EMAIL_CODE")).isEqualTo("email_code");
		assertThat(AuditMetrics.factor("WRONG")).isEqualTo("email_code");
		assertThat(AuditMetrics.factor("PASSKEY registration: bad origin")).isEqualTo("passkey");
		assertThat(AuditMetrics.factor("yamada.taro")).isEqualTo("other");
		assertThat(AuditMetrics.factor("UNKNOWN_USER hmac:3f2a")).isEqualTo("other");
		assertThat(AuditMetrics.factor(null)).isEqualTo("other");
	}
}
