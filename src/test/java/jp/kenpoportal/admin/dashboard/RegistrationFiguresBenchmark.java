package jp.kenpoportal.admin.dashboard;

import java.io.OutputStream;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Supplier;

import jp.kenpoportal.account.RegistrationFigures;
import jp.kenpoportal.audit.AuditTrail;
import jp.kenpoportal.audit.AuditType;
import jp.kenpoportal.support.PortalTest;
import jp.kenpoportal.support.TestKenpos;
import jp.kenpoportal.tenant.Kenpo;
import jp.kenpoportal.tenant.KenpoDirectory;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How long the dashboard's counts take for a kenpo of 100,000 insured persons (150,000
 * dependents, 70,000 accounts, 40,000 registered, 300,000 sign-ins in the last 30 days), with the
 * query plans. Not a test (excluded from verify): {@code ./mvnw -q test -Dtest=RegistrationFiguresBenchmark}.
 * It adds the kenpo to the test database.
 */
@PortalTest
class RegistrationFiguresBenchmark {

	@Autowired
	KenpoDirectory kenpos;

	@Autowired
	RegistrationFigures figures;

	@Autowired
	AuditTrail audit;

	@Autowired
	RegistrationDashboard dashboard;

	@Autowired
	JdbcClient jdbc;

	@Test
	void countsForAHundredThousandInsured() throws Exception {
		Kenpo kenpo = TestKenpos.allFactors(kenpos);
		long k = kenpo.id();
		long started = System.nanoTime();
		jdbc.sql("""
				insert into member (kenpo_id, symbol, number, branch, name, name_kana, birth_date, sex, relationship, acquired_on)
				select ?, lpad((i % 300)::text, 2, '0'), lpad(i::text, 6, '0'), '00', '被保険者 ' || i, 'ヒホケンシャ', date '1960-01-01' + (i % 14000), 'MALE', '本人', date '2020-04-01'
				from generate_series(1, 100000) i""").param(k).update();
		jdbc.sql("""
				insert into member (kenpo_id, symbol, number, branch, name, name_kana, birth_date, sex, relationship, acquired_on)
				select ?, lpad((i % 300)::text, 2, '0'), lpad(i::text, 6, '0'), b, '家族 ' || i, 'カゾク', date '1990-01-01' + (i % 9000), 'FEMALE', '子', date '2020-04-01'
				from generate_series(1, 75000) i, unnest(array['01', '02']) b""").param(k).update();
		jdbc.sql("""
				insert into account (kenpo_id, member_id, login_id, second_factor, onboarded_at, locked_until, locked_by_kenpo_at)
				select m.kenpo_id, m.id, 'u' || m.number, (array['EMAIL_CODE', 'TOTP', 'PASSKEY'])[1 + m.id % 3],
				  case when m.id % 7 < 4 then now() - (m.id % 180) * interval '1 day' end,
				  case when m.id % 500 = 0 then now() + interval '1 hour' end,
				  case when m.id % 997 = 0 then now() end
				from member m where m.kenpo_id = ? and m.branch = '00' and m.id % 10 < 7""").param(k).update();
		jdbc.sql("""
				insert into audit_event (kenpo_id, account_id, type, occurred_at)
				select ?, i % 40000, case when i % 5 = 0 then 'SIGN_IN_FAILED' else 'SIGN_IN_SECOND_FACTOR_ACCEPTED' end,
				  now() - (i % 43200) * interval '1 minute'
				from generate_series(1, 375000) i""").param(k).update();
		jdbc.sql("analyze member").update();
		jdbc.sql("analyze account").update();
		jdbc.sql("vacuum analyze audit_event").update();
		System.out.printf("seeded in %d ms%n", (System.nanoTime() - started) / 1_000_000);

		LocalDate today = LocalDate.now();
		time("report (grouping sets)", () -> figures.report(k, today, java.time.Instant.now()));
		time("total (home)", () -> figures.total(k, today));
		time("registrations per day, 30 days", () -> figures.registeredPer(k, ChronoUnit.DAYS, today.minusDays(29), today.plusDays(1)));
		time("registrations per week, 26 weeks", () -> figures.registeredPer(k, ChronoUnit.WEEKS, today.minusWeeks(26), today.plusDays(1)));
		time("sign-ins per day, 30 days", () -> audit.countPer(k, EnumSet.of(AuditType.SIGN_IN_SECOND_FACTOR_ACCEPTED),
				ChronoUnit.DAYS, today.minusDays(29), today.plusDays(1)));
		explain("""
				explain (analyze, buffers) select period, sum(events), count(account_id) from (
				  select date_trunc('day', occurred_at at time zone 'Asia/Tokyo')::date as period, account_id, count(*) as events
				  from audit_event where kenpo_id = %d and type = any('{SIGN_IN_SECOND_FACTOR_ACCEPTED}')
				    and occurred_at >= now() - interval '30 days' group by 1, 2) x group by 1""".formatted(k));
		time("not-registered CSV (MS932)", () -> {
			try {
				return dashboard.writeNotRegistered(kenpo, CsvEncoding.MS932, OutputStream.nullOutputStream());
			}
			catch (java.io.IOException e) {
				throw new java.io.UncheckedIOException(e);
			}
		});
	}

	private static void time(String what, Supplier<Object> work) {
		work.get();
		long best = Long.MAX_VALUE;
		Object result = null;
		for (int i = 0; i < 5; i++) {
			long t = System.nanoTime();
			result = work.get();
			best = Math.min(best, System.nanoTime() - t);
		}
		String shown = String.valueOf(result);
		System.out.printf("%-36s best of 5: %6.1f ms  %s%n", what, best / 1e6,
				shown.length() > 160 ? shown.substring(0, 160) + "…" : shown);
	}

	private void explain(String sql) {
		List<String> plan = jdbc.sql(sql).query(String.class).list();
		plan.forEach(System.out::println);
	}
}
