package jp.kenpoportal.admin.bootstrap;

import java.util.List;
import java.util.Optional;

import jp.kenpoportal.admin.staff.StaffAccount;
import jp.kenpoportal.admin.staff.StaffAccounts;
import jp.kenpoportal.admin.staff.StaffInvitations;
import jp.kenpoportal.admin.staff.StaffRole;
import jp.kenpoportal.audit.AuditTrail;
import jp.kenpoportal.audit.AuditType;
import jp.kenpoportal.common.EmailAddress;
import jp.kenpoportal.common.TypedInput;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code java -jar kenpo-portal.jar --console.bootstrap=<mail address>}: makes the first
 * operator (運用者) and prints a one-time invitation link, with which that person sets their
 * own password; no password is ever printed. Refuses once an operator exists, so running it
 * again changes nothing.
 */
@Component
class ConsoleBootstrap implements ApplicationRunner {

	static final String OPTION = "console.bootstrap";

	private final StaffAccounts accounts;

	private final StaffInvitations invitations;

	private final AuditTrail audit;

	private final TransactionTemplate tx;

	ConsoleBootstrap(StaffAccounts accounts, StaffInvitations invitations, AuditTrail audit, TransactionTemplate tx) {
		this.accounts = accounts;
		this.invitations = invitations;
		this.audit = audit;
		this.tx = tx;
	}

	@Override
	public void run(ApplicationArguments args) {
		List<String> values = args.getOptionValues(OPTION);
		if (values == null) {
			return;
		}
		String address = values.isEmpty() ? "" : values.get(0);
		// System.out, not the log: the person who ran the command reads it on the terminal
		System.out.println(bootstrap(address).message());
	}

	/** Creates the first operator, or says why not. */
	Result bootstrap(String mailAddress) {
		String address = TypedInput.email(mailAddress == null ? "" : mailAddress);
		if (!EmailAddress.isValid(address)) {
			return new Result(Optional.empty(), "console.bootstrap: not a mail address: " + mailAddress
					+ "\nUsage: java -jar kenpo-portal.jar --console.bootstrap=<mail address of the first operator>");
		}
		return tx.execute(status -> {
			if (accounts.operatorExists()) {
				return new Result(Optional.empty(),
						"console.bootstrap: an operator exists already; nothing was changed. Operators invite further staff in the console.");
			}
			if (accounts.loginIdTaken(address)) {
				return new Result(Optional.empty(), "console.bootstrap: the user ID " + address
						+ " is taken by another staff account; nothing was changed.");
			}
			StaffAccount operator = accounts.create(null, address, "運用者", address, StaffRole.OPERATOR);
			String link = invitations.issue(operator);
			audit.recordStaff(null, null, operator.id(), AuditType.STAFF_INVITED, "bootstrap");
			return new Result(Optional.of(link), """
					console.bootstrap: created the first operator, user ID %s.
					Open this one-time link within 72 hours to set the password, then sign in and register an authenticator app:

					  %s
					""".formatted(address, link));
		});
	}

	record Result(Optional<String> link, String message) {
	}
}
