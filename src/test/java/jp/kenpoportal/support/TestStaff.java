package jp.kenpoportal.support;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import jp.kenpoportal.admin.staff.StaffAccount;
import jp.kenpoportal.admin.staff.StaffAccounts;
import jp.kenpoportal.admin.staff.StaffRole;
import jp.kenpoportal.admin.staff.StaffTotp;
import jp.kenpoportal.signin.totp.TotpSecret;
import jp.kenpoportal.support.TestBrowser.Page;
import jp.kenpoportal.tenant.KenpoDirectory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fresh staff accounts with a known password and authenticator key, one per test (a TOTP code
 * is accepted once, so tests never share a staff member), and their sign-in over HTTP.
 */
public class TestStaff {

	public static final String PASSWORD = "Console-Test-Pass-2026";

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	private final StaffAccounts accounts;

	private final StaffTotp totp;

	private final KenpoDirectory kenpos;

	private final Clock clock;

	TestStaff(StaffAccounts accounts, StaffTotp totp, KenpoDirectory kenpos, Clock clock) {
		this.accounts = accounts;
		this.totp = totp;
		this.kenpos = kenpos;
		this.clock = clock;
	}

	/** A staff member of the kenpo (null for an operator) with password and app enrolled. */
	public Staff create(String kenpoCode, StaffRole role) {
		Staff staff = invited(kenpoCode, role);
		accounts.setPassword(staff.account().id(), PASSWORD);
		TotpSecret secret = TotpSecret.generate();
		totp.save(staff.account().id(), secret, -1);
		return new Staff(accounts.find(staff.account().id()).orElseThrow(), secret.base32());
	}

	/** A staff member as an invitation leaves them: no password, no app yet. */
	public Staff invited(String kenpoCode, StaffRole role) {
		Long kenpoId = kenpoCode == null ? null : kenpos.findByCode(kenpoCode).orElseThrow().id();
		int n = SEQUENCE.incrementAndGet();
		String loginId = "staff" + n + "." + System.nanoTime() % 100000;
		StaffAccount account = accounts.create(kenpoId, loginId, "職員 " + n, loginId + "@staff.example.com", role);
		return new Staff(account, null);
	}

	/** The code the staff member's app shows now (by the portal's clock). */
	public String code(Staff staff) {
		return Totp.at(staff.totpKey(), clock.instant());
	}

	/** Password, then the app's code; lands on the console home (or the kenpo choice, for an operator). */
	public Page signIn(TestBrowser console, Staff staff) {
		console.get("/login");
		Page page = console.submit("/login", Map.of("userId", staff.account().loginId(), "password", PASSWORD));
		assertThat(page.path()).isEqualTo("/mfa");
		return console.submit("/mfa", Map.of("code", code(staff)));
	}

	/**
	 * A new console session of a new staff member of this role working on the kenpo: of that kenpo,
	 * or an operator who chose it, as the role tests of every console feature need.
	 */
	public TestBrowser signedInAs(int port, StaffRole role, String kenpoCode) {
		TestBrowser console = TestBrowser.console(port);
		signIn(console, create(role == StaffRole.OPERATOR ? null : kenpoCode, role));
		if (role == StaffRole.OPERATOR) {
			console.get("/kenpos");
			console.submit("/kenpos/choose",
					Map.of("kenpoId", String.valueOf(kenpos.findByCode(kenpoCode).orElseThrow().id())));
		}
		return console;
	}

	public StaffAccount reload(Staff staff) {
		return accounts.find(staff.account().id()).orElseThrow();
	}

	/** A staff member a test made. */
	public record Staff(StaffAccount account, String totpKey) {

		public long id() {
			return account.id();
		}
	}
}
