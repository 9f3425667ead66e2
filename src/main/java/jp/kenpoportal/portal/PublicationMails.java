package jp.kenpoportal.portal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import jp.kenpoportal.account.Account;
import jp.kenpoportal.account.Accounts;
import jp.kenpoportal.benefit.BenefitDecisions;
import jp.kenpoportal.mail.MailOutbox;
import jp.kenpoportal.medical.MedicalExpenses;
import jp.kenpoportal.member.MemberDirectory;
import jp.kenpoportal.tenant.Kenpo;
import jp.kenpoportal.tenant.KenpoDirectory;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tells members by mail that something new was published for them: medical data, a benefit
 * decision, an お知らせ. Publication is a time the kenpo sets, so a worker looks at what came
 * out since it last looked, notes who has news, and mails those who opted in (プロフィール変更),
 * at most one mail per kind and day; news that finds a mail already sent that day waits for
 * the next. The mail says only that something is there: no health data leaves the portal.
 * One node at a time does this (an advisory lock), all in one transaction with the outbox.
 */
@Component
class PublicationMails {

	enum Kind {
		MEDICAL, BENEFIT, NOTICE
	}

	private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

	/** The advisory lock that keeps a second node out while one is at it. */
	private static final long LOCK = 0x4b454e504f4d41L;

	private final JdbcClient jdbc;

	private final TransactionTemplate tx;

	private final Clock clock;

	private final KenpoDirectory kenpos;

	private final MedicalExpenses medical;

	private final BenefitDecisions benefits;

	private final Notices notices;

	private final MemberDirectory members;

	private final Accounts accounts;

	private final MailOutbox outbox;

	private final MessageSource messages;

	PublicationMails(JdbcClient jdbc, TransactionTemplate tx, Clock clock, KenpoDirectory kenpos,
			MedicalExpenses medical, BenefitDecisions benefits, Notices notices, MemberDirectory members,
			Accounts accounts, MailOutbox outbox, MessageSource messages) {
		this.jdbc = jdbc;
		this.tx = tx;
		this.clock = clock;
		this.kenpos = kenpos;
		this.medical = medical;
		this.benefits = benefits;
		this.notices = notices;
		this.members = members;
		this.accounts = accounts;
		this.outbox = outbox;
		this.messages = messages;
	}

	@Scheduled(fixedDelayString = "${portal.publication-mail.interval:60s}",
			initialDelayString = "${portal.publication-mail.interval:60s}")
	void run() {
		tx.executeWithoutResult(status -> {
			if (jdbc.sql("select pg_try_advisory_xact_lock(?)").param(LOCK).query(Boolean.class).single()) {
				Instant now = clock.instant();
				noteNews(now);
				sendDue(LocalDate.ofInstant(now, JAPAN));
			}
		});
	}

	/** Marks who has news published since the last look (the first look starts now: no old news). */
	private void noteNews(Instant now) {
		Instant since = jdbc.sql("select checked_until from publication_watermark where id = 1")
			.query(Timestamp.class)
			.optional()
			.map(Timestamp::toInstant)
			.orElse(now);
		if (since.isBefore(now)) {
			for (Kenpo kenpo : kenpos.findAll()) {
				if (kenpo.enabledServices().contains("medical")) {
					pending(Kind.MEDICAL,
							accountsOfHouseholds(kenpo, medical.membersPublishedBetween(kenpo.id(), since, now)));
				}
				if (kenpo.enabledServices().contains("benefit")) {
					pending(Kind.BENEFIT,
							accountsOfHouseholds(kenpo, benefits.membersPublishedBetween(kenpo.id(), since, now)));
				}
				for (NoticeDraft notice : notices.mailedBetween(kenpo.id(), since, now)) {
					pending(Kind.NOTICE, readers(kenpo, notice, LocalDate.ofInstant(now, JAPAN)));
				}
			}
		}
		jdbc.sql("""
				insert into publication_watermark (id, checked_until) values (1, ?)
				on conflict (id) do update set checked_until = excluded.checked_until""")
			.param(Timestamp.from(now))
			.update();
	}

	/** The accounts in the notice's audience (NoticeReader decides the same on the member's side). */
	private List<Account> readers(Kenpo kenpo, NoticeDraft notice, LocalDate today) {
		return switch (notice.audience()) {
			case ALL -> accounts.findAll(kenpo.id());
			case INSURED -> accounts.findByMembers(kenpo.id(), members.insured(kenpo.id(), today, null));
			case EMPLOYERS -> accounts.findByMembers(kenpo.id(), members.insured(kenpo.id(), null, notice.employerCodes()));
		};
	}

	private List<Account> accountsOfHouseholds(Kenpo kenpo, Collection<Long> memberIds) {
		if (memberIds.isEmpty()) {
			return List.of();
		}
		return accounts.findByMembers(kenpo.id(), members.insuredOfHouseholds(kenpo.id(), memberIds));
	}

	private void pending(Kind kind, List<Account> news) {
		for (Account account : news) {
			if (account.onboarded() && account.publicationMail() && account.emailVerified()) {
				jdbc.sql("""
						insert into publication_pending (kenpo_id, account_id, kind) values (?, ?, ?)
						on conflict do nothing""")
					.params(account.kenpoId(), account.id(), kind.name())
					.update();
			}
		}
	}

	/** One mail per account and kind for the news waiting, unless that kind already went out today. */
	private void sendDue(LocalDate today) {
		List<Due> due = jdbc.sql("""
				select p.kenpo_id, p.account_id, p.kind from publication_pending p
				left join publication_mail_sent s on s.account_id = p.account_id and s.kind = p.kind
				where s.sent_on is null or s.sent_on < ? order by p.account_id, p.kind""")
			.param(Date.valueOf(today))
			.query((rs, n) -> new Due(rs.getLong(1), rs.getLong(2), Kind.valueOf(rs.getString(3))))
			.list();
		java.util.Map<Long, Kenpo> kenpoById = new java.util.HashMap<>();
		for (Due d : due) {
			jdbc.sql("delete from publication_pending where account_id = ? and kind = ?")
				.params(d.accountId, d.kind.name())
				.update();
			Account account = accounts.find(d.kenpoId, d.accountId).orElse(null);
			if (account == null || !account.publicationMail() || !account.emailVerified()) {
				continue;
			}
			Kenpo kenpo = kenpoById.computeIfAbsent(account.kenpoId(), id -> kenpos.findById(id).orElseThrow());
			mail(kenpo, account, d.kind);
			jdbc.sql("""
					insert into publication_mail_sent (account_id, kind, sent_on) values (?, ?, ?)
					on conflict (account_id, kind) do update set sent_on = excluded.sent_on""")
				.params(account.id(), d.kind.name(), Date.valueOf(today))
				.update();
		}
	}

	private void mail(Kenpo kenpo, Account account, Kind kind) {
		String key = "mail.published." + kind.name();
		String subject = messages.getMessage(key + ".subject", new Object[] { kenpo.name() }, Locale.JAPANESE);
		String body = messages.getMessage(key + ".body", new Object[] { kenpo.publicBaseUrl() + path(kind) },
				Locale.JAPANESE) + "\n\n"
				+ messages.getMessage("mail.published.optOut", new Object[] { kenpo.publicBaseUrl() + "/profile" },
						Locale.JAPANESE)
				+ "\n\n" + messages.getMessage("mail.signature",
						new Object[] { kenpo.name(), kenpo.contactEmail(), kenpo.publicBaseUrl() }, Locale.JAPANESE);
		outbox.enqueue(kenpo.id(), account.email(), subject, body);
	}

	private static String path(Kind kind) {
		return switch (kind) {
			case MEDICAL -> "/medical";
			case BENEFIT -> "/benefits";
			case NOTICE -> "/notices";
		};
	}

	private record Due(long kenpoId, long accountId, Kind kind) {
	}
}
