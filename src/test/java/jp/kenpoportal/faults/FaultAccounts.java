package jp.kenpoportal.faults;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * New members of かえで化学 at the start of their first registration, as the kenpo's roster import
 * and 仮パスワード letters leave them: a member row with a year of published 医療費 claims (so the
 * 医療費 pages, the CSV and the PDF have something to show) and an account with only the initial
 * password (記号 + 番号 + 生年月日). Thread-safe: members ask for a new account whenever they start
 * a new first registration.
 */
final class FaultAccounts {

	static final String KENPO = "kaede";

	/** A new account: what the member's letter says. */
	record NewAccount(String loginId, String initialPassword, LocalDate birthDate, String email) {
	}

	private final String jdbcUrl;

	private final String prefix;

	private final Argon2PasswordEncoder hasher = new Argon2PasswordEncoder(16, 32, 1, 19456, 2);

	private final AtomicInteger next = new AtomicInteger();

	private final List<String> emails = Collections.synchronizedList(new ArrayList<>());

	FaultAccounts(String jdbcUrl, String prefix) {
		this.jdbcUrl = jdbcUrl;
		this.prefix = prefix;
	}

	/** Every address of every account made so far (for the mail check). */
	List<String> emails() {
		synchronized (emails) {
			return List.copyOf(emails);
		}
	}

	NewAccount create() throws SQLException {
		int i = next.getAndIncrement();
		try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
			c.setAutoCommit(false);
			long kenpoId;
			int symbolDigits;
			int numberDigits;
			try (ResultSet rs = c.createStatement().executeQuery(
					"select id, symbol_digits, number_digits from kenpo where code = '" + KENPO + "'")) {
				rs.next();
				kenpoId = rs.getLong(1);
				symbolDigits = rs.getInt(2);
				numberDigits = rs.getInt(3);
			}
			String symbol = "8".repeat(symbolDigits - 1) + prefix.length();
			String number = String.format("%0" + numberDigits + "d", 700 + i);
			LocalDate born = LocalDate.of(1960 + i % 40, 1 + i % 12, 1 + i % 28);
			String loginId = prefix + i + "member";
			String initial = symbol + number + born.toString().replace("-", "");
			String email = loginId + "@example.com";
			long memberId = insertMember(c, kenpoId, symbol, number, born, i);
			insertClaims(c, kenpoId, memberId);
			try (PreparedStatement s = c.prepareStatement("""
					insert into account (kenpo_id, member_id, login_id, login_id_temporary, initial_password_hash, email)
					values (?, ?, ?, false, ?, ?)""")) {
				s.setLong(1, kenpoId);
				s.setLong(2, memberId);
				s.setString(3, loginId);
				s.setString(4, hasher.encode(initial));
				s.setString(5, email);
				s.executeUpdate();
			}
			c.commit();
			emails.add(email);
			return new NewAccount(loginId, initial, born, email);
		}
	}

	private static long insertMember(Connection c, long kenpoId, String symbol, String number, LocalDate born, int i)
			throws SQLException {
		try (PreparedStatement s = c.prepareStatement("""
				insert into member (kenpo_id, symbol, number, branch, name, name_kana, birth_date, sex, relationship,
				  acquired_on, burden_ratio, hidden_from_household)
				values (?, ?, ?, '00', ?, 'シケン タロウ', ?, 'MALE', '本人', date '2020-04-01', 3, false) returning id""")) {
			s.setLong(1, kenpoId);
			s.setString(2, symbol);
			s.setString(3, number);
			s.setString(4, "障害 太郎" + i);
			s.setObject(5, born);
			try (ResultSet rs = s.executeQuery()) {
				rs.next();
				return rs.getLong(1);
			}
		}
	}

	/** Two claims a month through last year, published yesterday. */
	private static void insertClaims(Connection c, long kenpoId, long memberId) throws SQLException {
		int year = LocalDate.now().getYear() - 1;
		try (PreparedStatement s = c.prepareStatement("""
				insert into medical_claim (kenpo_id, member_id, service_month, category, provider_name, days, total_cost,
				  insurer_paid, patient_paid, published_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, now() - interval '1 day')""")) {
			for (int month = 1; month <= 12; month++) {
				for (String category : new String[] { "OUTPATIENT", "PHARMACY" }) {
					int cost = 3000 + month * 170 + category.length() * 10;
					s.setLong(1, kenpoId);
					s.setLong(2, memberId);
					s.setObject(3, LocalDate.of(year, month, 1));
					s.setString(4, category);
					s.setString(5, category.equals("PHARMACY") ? "かえで薬局" : "かえでクリニック");
					s.setInt(6, 1 + month % 3);
					s.setInt(7, cost);
					s.setInt(8, cost * 7 / 10);
					s.setInt(9, cost - cost * 7 / 10);
					s.addBatch();
				}
			}
			s.executeBatch();
		}
	}
}
