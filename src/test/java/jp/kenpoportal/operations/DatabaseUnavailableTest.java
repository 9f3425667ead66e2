package jp.kenpoportal.operations;

import java.net.ConnectException;
import java.sql.SQLTransientConnectionException;

import jakarta.servlet.ServletException;

import jp.kenpoportal.support.PortalTest;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.TransactionSystemException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The page members see while PostgreSQL is away: 503 in Japanese with the request ID, no trace.
 * The database really stopped is the fault suite's third fault (README, "Fault suite"); here the
 * request log filter gets the failures a request meets then, as Hikari and the driver raise them.
 */
@PortalTest
class DatabaseUnavailableTest {

	@Autowired
	RequestLogFilter filter;

	@Test
	void aRequestThatCannotReachTheDatabaseGetsTheJapanese503PageWithItsRequestId() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/medical/2026");
		MockHttpServletResponse response = new MockHttpServletResponse();

		filter.doFilter(request, response, (req, res) -> {
			res.getWriter().write("half a page");
			throw new ServletException(new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
					new SQLTransientConnectionException("embedded-postgres - Connection is not available, "
							+ "request timed out after 2000ms")));
		});

		String id = response.getHeader("X-Request-Id");
		assertThat(response.getStatus()).isEqualTo(503);
		assertThat(response.getHeader("Retry-After")).isEqualTo("30");
		assertThat(response.getContentAsString()).contains("ただいまご利用いただけません", "受付番号「" + id + "」")
			.doesNotContain("half a page", "Exception", "JDBC", "at org.");
	}

	@Test
	void aConnectionRefusedByTheDriverCountsAsUnreachable() {
		PSQLException refused = new PSQLException("Connection to 127.0.0.1:5432 refused.",
				PSQLState.CONNECTION_UNABLE_TO_CONNECT, new ConnectException("Connection refused"));

		assertThat(DatabaseUnavailable.isDatabaseUnreachable(new RuntimeException(refused))).isTrue();
		// what Spring Session met in the fault suite when PostgreSQL stopped under it (Hikari's closed connection)
		assertThat(DatabaseUnavailable.isDatabaseUnreachable(new TransactionSystemException("JDBC rollback failed",
				new java.sql.SQLException("Connection is closed")))).isTrue();
		// what a translator or the driver may make of a connection lost mid-request
		assertThat(DatabaseUnavailable.isDatabaseUnreachable(new org.springframework.dao.RecoverableDataAccessException(
				"session save", new java.sql.SQLRecoverableException("I/O error")))).isTrue();
		assertThat(DatabaseUnavailable.isDatabaseUnreachable(
				new RuntimeException(new java.sql.SQLNonTransientConnectionException("gone")))).isTrue();
		assertThat(DatabaseUnavailable.isDatabaseUnreachable(new IllegalStateException("bug"))).isFalse();
	}

	@Test
	void otherFailuresGoOnToTheErrorPage() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
		MockHttpServletResponse response = new MockHttpServletResponse();

		assertThatThrownBy(() -> filter.doFilter(request, response, (req, res) -> {
			throw new IllegalStateException("a bug");
		})).isInstanceOf(IllegalStateException.class);
	}
}
