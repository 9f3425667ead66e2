package jp.kenpoportal.account;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Finds accounts of one kenpo for the staff console's member support: by user ID or mail
 * address, partial and case-insensitive, a page at a time.
 */
@Service
public class AccountSearch {

	private final JdbcClient jdbc;

	private final Accounts accounts;

	AccountSearch(JdbcClient jdbc, Accounts accounts) {
		this.jdbc = jdbc;
		this.accounts = accounts;
	}

	public List<Account> byLoginId(long kenpoId, String text, int offset, int limit) {
		return search(kenpoId, "login_id", text, offset, limit);
	}

	public List<Account> byEmail(long kenpoId, String text, int offset, int limit) {
		return search(kenpoId, "lower(email)", text, offset, limit);
	}

	private List<Account> search(long kenpoId, String column, String text, int offset, int limit) {
		List<Long> ids = jdbc.sql("select id from account where kenpo_id = ? and " + column
				+ " like lower(?) escape '\\' order by login_id, id limit ? offset ?")
			.params(kenpoId, "%" + escapeLike(text) + "%", limit, offset)
			.query(Long.class)
			.list();
		return ids.stream().map(id -> accounts.find(kenpoId, id)).flatMap(java.util.Optional::stream).toList();
	}

	private static String escapeLike(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}
}
