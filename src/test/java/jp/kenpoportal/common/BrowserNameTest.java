package jp.kenpoportal.common;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BrowserNameTest {

	@Test
	void whenAUserAgentIsKnownThenItBecomesABrowserAndASystemName() {
		assertThat(BrowserName.of("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
				+ "Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0")).isEqualTo("Edge (Windows)");
		assertThat(BrowserName.of("Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 "
				+ "(KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1")).isEqualTo("Safari (iPhone)");
		assertThat(BrowserName.of("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
				+ "HeadlessChrome/156.0.0.0 Safari/537.36")).isEqualTo("Chrome (Linux)");
		assertThat(BrowserName.of("Mozilla/5.0 (Macintosh; Intel Mac OS X 14.5; rv:132.0) Gecko/20100101 Firefox/132.0"))
			.isEqualTo("Firefox (Mac)");
	}

	@Test
	void whenAUserAgentIsUnknownOrMissingThenItIsShortenedOrADash() {
		assertThat(BrowserName.of("KenpoPortalTest/1.0")).isEqualTo("KenpoPortalTest/1.0");
		assertThat(BrowserName.of(null)).isEqualTo("-");
	}
}
