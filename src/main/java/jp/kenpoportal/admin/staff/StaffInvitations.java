package jp.kenpoportal.admin.staff;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

import jp.kenpoportal.admin.ConsoleSettings;
import jp.kenpoportal.common.OneTimeSecrets;
import jp.kenpoportal.mail.MailOutbox;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invitation links: one use, valid for {@link ConsoleSettings#invitationLifetime()}, stored as
 * a keyed hash only. The new staff member sets their own password through it; nobody else ever
 * sees it. A new invitation voids the staff member's earlier ones.
 */
@Service
public class StaffInvitations {

	private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy年M月d日 H:mm", Locale.JAPAN)
		.withZone(ZoneId.of("Asia/Tokyo"));

	private final JdbcClient jdbc;

	private final OneTimeSecrets secrets;

	private final MailOutbox outbox;

	private final MessageSource messages;

	private final ConsoleLinks links;

	private final ConsoleSettings settings;

	private final Clock clock;

	StaffInvitations(JdbcClient jdbc, OneTimeSecrets secrets, MailOutbox outbox, MessageSource messages,
			ConsoleLinks links, ConsoleSettings settings, Clock clock) {
		this.jdbc = jdbc;
		this.secrets = secrets;
		this.outbox = outbox;
		this.messages = messages;
		this.links = links;
		this.settings = settings;
		this.clock = clock;
	}

	/** A new link for the staff member (earlier ones stop working); returns the link. */
	@Transactional
	public String issue(StaffAccount staff) {
		String token = secrets.newToken();
		var now = clock.instant();
		jdbc.sql("update staff_invitation set voided_at = ? where staff_id = ? and used_at is null and voided_at is null")
			.params(Timestamp.from(now), staff.id())
			.update();
		jdbc.sql("""
				insert into staff_invitation (staff_id, token_hash, created_at, expires_at) values (?, ?, ?, ?)""")
			.params(staff.id(), secrets.hash("staff-invitation", token), Timestamp.from(now),
					Timestamp.from(now.plus(settings.invitationLifetime())))
			.update();
		return links.invitation(token);
	}

	/** Issues a link and mails it to the staff member, in the caller's transaction. */
	@Transactional
	public void send(StaffAccount staff, String kenpoName) {
		String link = issue(staff);
		String expires = SHOWN.format(clock.instant().plus(settings.invitationLifetime()));
		outbox.enqueue(staff.kenpoId(), staff.email(), messages.getMessage("console.mail.invitation.subject", null, Locale.JAPAN),
				messages.getMessage("console.mail.invitation.body",
						new Object[] { staff.name(), kenpoName, staff.loginId(), link, expires }, Locale.JAPAN));
	}

	/** The staff account a link is for, while it is unused, not void and not expired. */
	public Optional<StaffAccount> staffFor(String token, StaffAccounts accounts) {
		if (token == null || token.isBlank() || token.length() > 100) {
			return Optional.empty();
		}
		return jdbc.sql("""
				select staff_id from staff_invitation
				where token_hash = ? and used_at is null and voided_at is null and expires_at > ?""")
			.params(secrets.hash("staff-invitation", token), Timestamp.from(clock.instant()))
			.query(Long.class)
			.optional()
			.flatMap(accounts::find)
			.filter(staff -> !staff.disabled());
	}

	/** Marks the link used; false if it was used (or voided) in the meantime. */
	public boolean use(String token) {
		return jdbc.sql("""
				update staff_invitation set used_at = ? where token_hash = ? and used_at is null and voided_at is null""")
			.params(Timestamp.from(clock.instant()), secrets.hash("staff-invitation", token))
			.update() == 1;
	}
}
