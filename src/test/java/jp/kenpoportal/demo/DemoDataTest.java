package jp.kenpoportal.demo;

import jp.kenpoportal.account.LoginIdFormat;
import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo accounts keep the rules the portal shows members on the next screens. */
class DemoDataTest {

	@Test
	void everyDemoUserIdKeepsTheUserIdRule() {
		for (DemoData.DemoKenpo kenpo : DemoData.all()) {
			for (DemoData.DemoHousehold household : kenpo.households()) {
				String id = household.loginId();
				assertThat(LoginIdFormat.validLength(id)).as("length of %s (%s)", id, kenpo.kenpo().code())
					.isTrue();
				assertThat(LoginIdFormat.invalidCharacters(id)).as("characters of %s", id).isEmpty();
			}
		}
	}

	@Test
	void theSeederNamesEachKenpoOnThePortTheServerListensOn() {
		String url = DemoDataSeeder.localUrl("kaede.localhost",
				new MockEnvironment().withProperty("local.server.port", "9090"));

		assertThat(url).isEqualTo("http://kaede.localhost:9090/");
	}
}
