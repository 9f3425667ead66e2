package jp.kenpoportal.admin.bootstrap;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import jp.kenpoportal.admin.staff.StaffAccounts;
import jp.kenpoportal.admin.staff.StaffRole;
import jp.kenpoportal.support.PortalTest;
import jp.kenpoportal.support.TestBrowser;
import jp.kenpoportal.support.TestBrowser.Page;
import jp.kenpoportal.support.TestStaff;
import jp.kenpoportal.support.TestStaff.Staff;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --console.bootstrap=<mail>}: the first operator, by a one-time link, once. */
@PortalTest
class ConsoleBootstrapTest {

	@LocalServerPort
	int port;

	@Autowired
	ConsoleBootstrap bootstrap;

	@Autowired
	StaffAccounts accounts;

	@Autowired
	TestStaff staff;

	@Autowired
	JdbcClient jdbc;

	@Test
	void whenAnOperatorExistsThenBootstrapRefusesAndChangesNothing() {
		staff.create(null, StaffRole.OPERATOR);
		int before = staffCount();

		ConsoleBootstrap.Result result = bootstrap.bootstrap("second.operator@example.com");

		assertThat(result.link()).isEmpty();
		assertThat(result.message()).contains("an operator exists already");
		assertThat(staffCount()).isEqualTo(before);
	}

	@Test
	void whenTheAddressIsNoMailAddressThenUsageIsPrintedAndNothingMade() {
		int before = staffCount();

		ConsoleBootstrap.Result result = bootstrap.bootstrap("not-an-address");

		assertThat(result.link()).isEmpty();
		assertThat(result.message()).contains("Usage");
		assertThat(staffCount()).isEqualTo(before);
	}

	@Test
	void whenNoOperatorExistsThenTheFirstIsMadeAndOnlyALinkIsPrinted() {
		// the demo and other tests made operators: out of the way for this test, back afterwards
		List<Long> operators = jdbc.sql("""
				update staff_account set disabled_at = ? where role = 'OPERATOR' and disabled_at is null returning id""")
			.param(Timestamp.from(Instant.now()))
			.query(Long.class)
			.list();
		try {
			String address = "first.operator." + System.nanoTime() + "@example.com";
			ConsoleBootstrap.Result result = bootstrap.bootstrap(address);

			assertThat(result.link()).isPresent();
			assertThat(result.message()).contains(address, result.link().get()).doesNotContainIgnoringCase("password:");
			assertThat(accounts.findByLoginId(address).orElseThrow().role()).isEqualTo(StaffRole.OPERATOR);
			assertThat(accounts.findByLoginId(address).orElseThrow().hasPassword()).isFalse();
			String link = result.link().get();
			Page page = TestBrowser.console(port).get(link.substring(link.indexOf("/invitation")));
			assertThat(page.heading()).isEqualTo("パスワードの設定");
			assertThat(bootstrap.bootstrap("another." + address).link()).isEmpty();
		}
		finally {
			jdbc.sql("update staff_account set disabled_at = null where id = any(?)")
				.param(operators.toArray(Long[]::new))
				.update();
		}
	}

	private int staffCount() {
		return jdbc.sql("select count(*) from staff_account").query(Integer.class).single();
	}
}
