package jp.kenpoportal.admin.imports;

import java.util.Arrays;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The preview of a roster file (table import_roster_change), for the page. */
@Repository
class RosterChanges {

	private final JdbcClient jdbc;

	RosterChanges(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Up to {@code limit} changes of each kind, in the file's order. */
	List<Change> first(long jobId, int limit) {
		return jdbc.sql("""
				select change, line, person_key, name, before, after, fields from (
				  select c.*, row_number() over (partition by change order by line nulls last, person_key) as n
				  from import_roster_change c where job_id = ?) r
				where n <= ? order by case change when 'NEW' then 1 when 'REKEYED' then 2 when 'LOST' then 3
				  when 'ABSENT' then 4 when 'RELEASED' then 4 else 5 end, line nulls last, person_key""")
			.params(jobId, limit)
			.query((rs, i) -> new Change(rs.getString(1), (Long) rs.getObject(2, Long.class), rs.getString(3),
					rs.getString(4), rs.getString(5), rs.getString(6),
					rs.getString(7) == null || rs.getString(7).isEmpty() ? List.of()
							: Arrays.asList(rs.getString(7).split(","))))
			.list();
	}

	/** One person's change: its kind, the line, before and after (記号-番号-枝番), the fields that change. */
	public record Change(String change, Long line, String personKey, String name, String before, String after,
			List<String> fields) {
	}
}
