package jp.kenpoportal.admin.support;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import jp.kenpoportal.account.Account;
import jp.kenpoportal.account.AccountSearch;
import jp.kenpoportal.account.Accounts;
import jp.kenpoportal.admin.staff.StaffAccount;
import jp.kenpoportal.audit.AuditEntry;
import jp.kenpoportal.audit.AuditTrail;
import jp.kenpoportal.audit.AuditType;
import jp.kenpoportal.mail.MailOutbox;
import jp.kenpoportal.member.Member;
import jp.kenpoportal.member.MemberDirectory;
import jp.kenpoportal.member.RosterSearch;
import jp.kenpoportal.tenant.Kenpo;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Member support for staff of one kenpo: finding households, an account's state, and the
 * actions on it, each with a reason, a notice mail to the member and an audit event naming the
 * staff account. Everything is looked up through the staff member's kenpo.
 */
@Service
class MemberSupport {

	private static final int RECENT_EVENTS = 10;

	private final RosterSearch roster;

	private final AccountSearch accountSearch;

	private final Accounts accounts;

	private final MemberDirectory members;

	private final AuditTrail audit;

	private final MailOutbox outbox;

	private final MessageSource messages;

	private final Clock clock;

	MemberSupport(RosterSearch roster, AccountSearch accountSearch, Accounts accounts, MemberDirectory members,
			AuditTrail audit, MailOutbox outbox, MessageSource messages, Clock clock) {
		this.roster = roster;
		this.accountSearch = accountSearch;
		this.accounts = accounts;
		this.members = members;
		this.audit = audit;
		this.outbox = outbox;
		this.messages = messages;
		this.clock = clock;
	}

	/** One page of households (one more row asked for, to tell whether a next page exists). */
	List<SupportRow> search(Kenpo kenpo, SearchKind kind, String text, int offset, int limit) {
		return switch (kind) {
			case NUMBER -> withAccounts(kenpo, roster.bySymbolAndNumber(kenpo.id(), text, offset, limit));
			case KANA -> withAccounts(kenpo, roster.byKanaName(kenpo.id(), text, offset, limit));
			case USER_ID -> withMembers(kenpo, accountSearch.byLoginId(kenpo.id(), text.toLowerCase(Locale.ROOT), offset, limit));
			case EMAIL -> withMembers(kenpo, accountSearch.byEmail(kenpo.id(), text.toLowerCase(Locale.ROOT), offset, limit));
		};
	}

	/** The account's state, if the account belongs to the kenpo. */
	Optional<AccountState> state(Kenpo kenpo, long accountId) {
		return accounts.find(kenpo.id(), accountId).map(account -> {
			Member insured = members.find(kenpo.id(), account.memberId()).orElse(null);
			List<AuditEntry> signIns = audit.recent(kenpo.id(), account.id(),
					EnumSet.of(AuditType.SIGN_IN_SECOND_FACTOR_ACCEPTED), 1);
			return new AccountState(account, insured, signIns.isEmpty() ? null : signIns.get(0).occurredAt(),
					lock(account), audit.recent(kenpo.id(), account.id(), RECENT_EVENTS));
		});
	}

	/**
	 * Lifts the account's lock: the change, its audit event (staff and reason) and the notice
	 * mail to the member commit together or not at all.
	 */
	@Transactional
	void unlock(Kenpo kenpo, Account account, StaffAccount staff, String reason) {
		accounts.lockRow(kenpo.id(), account.id());
		accounts.unlock(kenpo.id(), account.id());
		audit.recordStaff(kenpo.id(), account.id(), staff.id(), AuditType.MEMBER_UNLOCKED_BY_STAFF, reason);
		if (account.emailVerified()) {
			outbox.enqueue(kenpo.id(), account.email(),
					messages.getMessage("console.mail.unlocked.subject", new Object[] { kenpo.name() }, Locale.JAPAN),
					messages.getMessage("console.mail.unlocked.body",
							new Object[] { kenpo.name(), account.loginId(), kenpo.publicBaseUrl(), kenpo.contactEmail() },
							Locale.JAPAN));
		}
	}

	private String stateKey(Account account) {
		if (account == null) {
			return "console.members.state.noAccount";
		}
		if (!"NONE".equals(lock(account))) {
			return "console.members.state.locked";
		}
		return account.onboarded() ? "console.members.state.registered" : "console.members.state.notRegistered";
	}

	private String lock(Account account) {
		if (account.lockedByKenpoAt() != null) {
			return "KENPO";
		}
		return account.lockedAt(clock.instant()) ? "TEMPORARY" : "NONE";
	}

	private List<SupportRow> withAccounts(Kenpo kenpo, List<Member> insured) {
		Map<Long, Account> byMember = accounts
			.findByMembers(kenpo.id(), insured.stream().map(Member::id).toList())
			.stream()
			.collect(Collectors.toMap(Account::memberId, Function.identity()));
		List<SupportRow> rows = new ArrayList<>();
		insured.forEach(m -> rows.add(new SupportRow(m, byMember.get(m.id()), stateKey(byMember.get(m.id())))));
		return rows;
	}

	private List<SupportRow> withMembers(Kenpo kenpo, List<Account> found) {
		return found.stream()
			.map(a -> new SupportRow(members.find(kenpo.id(), a.memberId()).orElse(null), a, stateKey(a)))
			.filter(row -> row.insured() != null)
			.toList();
	}
}
