package jp.kenpoportal.signin.totp;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OtpAuthUriTest {

	private static final String ISSUER = "さくら電機健康保険組合";

	private static final String SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

	@Test
	void decodesBackToTheSameJapaneseIssuerInLabelAndParameter() {
		URI uri = URI.create(OtpAuthUri.of(ISSUER, "taro.yamada", SECRET));

		assertThat(uri.getScheme()).isEqualTo("otpauth");
		assertThat(uri.getHost()).isEqualTo("totp");
		assertThat(uri.getPath()).isEqualTo("/" + ISSUER + ":taro.yamada");
		assertThat(query(uri)).containsEntry("issuer", ISSUER);
	}

	@Test
	void carriesTheSecretAndTheOnlyParametersAppsHonour() {
		URI uri = URI.create(OtpAuthUri.of(ISSUER, "taro.yamada", SECRET));

		assertThat(query(uri)).containsExactlyInAnyOrderEntriesOf(Map.of("secret", SECRET, "issuer", ISSUER,
				"algorithm", "SHA1", "digits", "6", "period", "30"));
	}

	@Test
	void isPlainAsciiWithSpacesAsPercent20AndALiteralLabelColon() {
		String uri = OtpAuthUri.of("Kenpo Portal", "山田 太郎", SECRET);

		assertThat(uri).startsWith("otpauth://totp/Kenpo%20Portal:%E5%B1%B1%E7%94%B0%20%E5%A4%AA%E9%83%8E?secret=")
			.contains("&issuer=Kenpo%20Portal&")
			.doesNotContain("+")
			.matches("\\p{ASCII}+");
	}

	@Test
	void encodesAColonInsideTheAccountSoTheLabelStillSplitsOnce() {
		URI uri = URI.create(OtpAuthUri.of(ISSUER, "a:b", SECRET));

		assertThat(uri.getRawPath()).endsWith(":a%3Ab").containsOnlyOnce(":");
	}

	@Test
	void keepsAPlusSignInTheAccountDistinctFromASpace() {
		URI uri = URI.create(OtpAuthUri.of(ISSUER, "taro+portal@example.jp", SECRET));

		assertThat(uri.getPath()).endsWith(":taro+portal@example.jp");
	}

	private static Map<String, String> query(URI uri) {
		return Arrays.stream(uri.getRawQuery().split("&"))
			.map(pair -> pair.split("=", 2))
			.collect(Collectors.toMap(kv -> decode(kv[0]), kv -> decode(kv[1])));
	}

	private static String decode(String s) {
		return URLDecoder.decode(s, StandardCharsets.UTF_8);
	}
}
