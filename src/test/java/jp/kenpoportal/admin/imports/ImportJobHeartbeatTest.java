package jp.kenpoportal.admin.imports;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import jp.kenpoportal.support.MutableClock;
import jp.kenpoportal.support.PortalTest;
import jp.kenpoportal.support.TestKenpos;
import jp.kenpoportal.tenant.Kenpo;
import jp.kenpoportal.tenant.KenpoDirectory;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A job whose node died (its spooled file was on that node's disk) is failed after 5 minutes in
 * which no node held it, with a message to upload again and an audit event; a job a node still
 * holds, or one just received, is left running.
 */
@PortalTest
class ImportJobHeartbeatTest {

	@Autowired
	ImportRunner runner;

	@Autowired
	ImportJobs jobs;

	@Autowired
	KenpoDirectory kenpos;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	@Test
	void whenNoNodeHasHeldAJobForFiveMinutesThenItFailsWithAMessageAndTheOthersRunOn() {
		Kenpo kenpo = TestKenpos.allFactors(kenpos);
		Instant now = clock.instant();
		long abandoned = job(kenpo, "VALIDATING", now.minus(Duration.ofMinutes(20)), now.minus(Duration.ofMinutes(6)));
		long held = job(kenpo, "APPLYING", now.minus(Duration.ofMinutes(40)), now.minus(Duration.ofSeconds(20)));
		long fresh = job(kenpo, "RECEIVED", now.minus(Duration.ofMinutes(1)), null);

		runner.heartbeat();

		assertThat(state(abandoned)).isEqualTo("FAILED imports.error.nodeLost");
		assertThat(state(held)).isEqualTo("APPLYING ");
		assertThat(state(fresh)).isEqualTo("RECEIVED ");
		assertThat(jdbc.sql("select count(*) from audit_event where kenpo_id = ? and type = 'IMPORT_FAILED' and detail like ?")
			.params(kenpo.id(), "job=" + abandoned + " %failure=imports.error.nodeLost%")
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	private long job(Kenpo kenpo, String state, Instant created, Instant heartbeat) {
		return jdbc.sql("""
				insert into import_job (kenpo_id, kind, state, file_name, sha256, size_bytes, target_month, file_created_on,
				  created_at, heartbeat_at)
				values (?, 'CLAIMS', ?, 'claims.csv', repeat('a', 64), 10, date '2026-11-01', date '2026-12-01', ?, ?)
				returning id""")
			.params(kenpo.id(), state, Timestamp.from(created), heartbeat == null ? null : Timestamp.from(heartbeat))
			.query(Long.class)
			.single();
	}

	private String state(long id) {
		return jdbc.sql("select state || ' ' || coalesce(failure, '') from import_job where id = ?")
			.param(id)
			.query(String.class)
			.single();
	}
}
