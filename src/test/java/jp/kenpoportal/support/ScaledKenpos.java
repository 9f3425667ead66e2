package jp.kenpoportal.support;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jp.kenpoportal.tenant.Kenpo;
import jp.kenpoportal.tenant.KenpoDirectory;
import jp.kenpoportal.tenant.NewKenpo;
import jp.kenpoportal.tenant.PasswordRules;
import jp.kenpoportal.tenant.SecondFactor;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The data of a deployment at the scale of real kenpo (issue 14), written with set-based SQL
 * ({@code generate_series}, no HTTP, no per-row round trip), so that 100,000 households take seconds
 * rather than hours: one large kenpo filled up to {@code households} households whose insured all have a
 * finished account, beside {@code otherKenpos} kenpo of {@code householdsEach} households each, with claim
 * lines of {@code claimMonths} months up to last month (or {@code claimLagMonths} before it), benefit decisions, sign-in audit events, sent mails and live
 * sessions in proportion. Every "random" choice is a hash of the row's number ({@code hashint8extended}), so
 * the same call gives the same data on every run. Used by the benchmarks' {@code -Dbench.scale=large} and by
 * {@code QueryPlansTest}.
 */
public final class ScaledKenpos {

	private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

	/** 記号 of the filled households: 20–29 (none of the demo's, nor the benchmarks' 70–89). */
	private static final int SYMBOL_BASE = 20;

	private final JdbcClient jdbc;

	private final KenpoDirectory kenpos;

	private final TransactionTemplate tx;

	public ScaledKenpos(JdbcClient jdbc, KenpoDirectory kenpos, TransactionTemplate tx) {
		this.jdbc = jdbc;
		this.kenpos = kenpos;
		this.tx = tx;
	}

	/** How big, and what every account's password hash is (one shared Argon2 hash: seeding hashes nothing). */
	public record Scale(int households, int otherKenpos, int householdsEach, int claimMonths, int claimLagMonths,
			int sessions, String passwordHash) {

		/** Issue 14's shape: 100,000 households in one kenpo, nine of 10,000, 27 months of claims up to last month. */
		public static Scale large(String passwordHash) {
			return new Scale(100_000, 9, 10_000, 27, 0, 20_000, passwordHash);
		}
	}

	/** What was written. */
	public record Seeded(int kenpos, long households, long members, long accounts, long claims, long decisions,
			long millis, String steps) {

		@Override
		public String toString() {
			return String.format(Locale.ROOT,
					"kenpos=%d households=%d members=%d accounts=%d claims=%d decisions=%d millis=%d steps=%s", kenpos,
					households, members, accounts, claims, decisions, millis, steps);
		}
	}

	/**
	 * Fills {@code big} up to the scale's households (those it already has count) and gives every insured of
	 * it an account, creates the other kenpo ({@code scale1.localhost} …) with theirs, then the claims and the
	 * rest for the households added, and refreshes the planner's statistics. Households already there (a
	 * second call on a kept database) are not added again.
	 */
	public Seeded seed(Kenpo big, Scale scale, Instant now) {
		long started = System.nanoTime();
		long memberFrom = maxId("member");
		long accountFrom = maxId("account");
		long decisionsBefore = count("benefit_decision");
		List<Long> seeded = new ArrayList<>();
		Steps steps = new Steps();
		long existing = jdbc.sql("select count(*) from member where kenpo_id = ? and branch = '00'")
			.param(big.id())
			.query(Long.class)
			.single();
		addHouseholds(big.id(), (int) Math.max(0, scale.households() - existing), 1);
		seeded.add(big.id());
		for (int k = 1; k <= scale.otherKenpos(); k++) {
			Kenpo other = otherKenpo(k);
			long have = jdbc.sql("select count(*) from member where kenpo_id = ? and branch = '00'")
				.param(other.id())
				.query(Long.class)
				.single();
			addHouseholds(other.id(), (int) Math.max(0, scale.householdsEach() - have), 1 + k);
			seeded.add(other.id());
		}
		// statistics for the rows just added before the next statements join them: with the planner still
		// thinking member and account tiny, the account insert's anti-join scanned account once per member
		// (the heap it was filling included), which took over ten minutes at a load average of 25
		jdbc.sql("analyze member").update();
		jdbc.sql("analyze account").update();
		steps.done("households");
		Timestamp at = Timestamp.from(now);
		for (long kenpoId : seeded) {
			addAccounts(kenpoId, scale.passwordHash(), at);
		}
		steps.done("accounts");
		YearMonth last = YearMonth.from(now.atZone(JAPAN)).minusMonths(1 + scale.claimLagMonths());
		addClaims(memberFrom, last.minusMonths(scale.claimMonths() - 1).atDay(1), last.atDay(1));
		steps.done("claims");
		addDecisions(memberFrom, last);
		addActivity(accountFrom, scale.sessions(), now);
		steps.done("decisions+activity");
		jdbc.sql("analyze").update();
		steps.done("analyze");
		long households = 0;
		long members = 0;
		for (long kenpoId : seeded) {
			households += jdbc.sql("select count(*) from member where kenpo_id = ? and branch = '00'")
				.param(kenpoId)
				.query(Long.class)
				.single();
			members += jdbc.sql("select count(*) from member where kenpo_id = ?").param(kenpoId).query(Long.class).single();
		}
		long accounts = count("account");
		long claims = jdbc.sql("select count(*) from medical_claim where member_id > ?")
			.param(memberFrom)
			.query(Long.class)
			.single();
		return new Seeded(seeded.size(), households, members, accounts, claims,
				count("benefit_decision") - decisionsBefore, (System.nanoTime() - started) / 1_000_000, steps.toString());
	}

	/** Wall time of each step, for the benchmark's and the test's output. */
	private static final class Steps {

		private final StringBuilder text = new StringBuilder();

		private long since = System.nanoTime();

		void done(String step) {
			long now = System.nanoTime();
			text.append(text.isEmpty() ? "" : ",").append(step).append(':').append((now - since) / 1_000_000).append("ms");
			since = now;
		}

		@Override
		public String toString() {
			return text.toString();
		}
	}

	/** Kenpo {@code scale<k>}, created with terms on its first use: 記号 2 digits, 番号 4, every factor. */
	private Kenpo otherKenpo(int k) {
		String code = "scale" + k;
		return kenpos.findByCode(code).orElseGet(() -> {
			Kenpo kenpo = kenpos.create(new NewKenpo(code, code + ".localhost", "規模試験" + k + "健康保険組合",
					insurerNumber(139_000 + k), "kenpo@" + code + ".example", null, 2, 4,
					Instant.now().plusSeconds(365L * 86400), EnumSet.allOf(SecondFactor.class), SecondFactor.EMAIL_CODE,
					new PasswordRules(8, 64, "-_!", Set.of()), List.of()));
			kenpos.publishTerms(kenpo.id(), "利用規約", "本サービスの利用規約です。");
			return kenpo;
		});
	}

	/**
	 * {@code count} households after the kenpo's filled ones: 記号 20–29 and a 4-digit 番号, the insured and
	 * up to three dependents (spouse, children), each person's data a hash of the household's number.
	 */
	private void addHouseholds(long kenpoId, int count, int seed) {
		if (count == 0) {
			return;
		}
		long from = jdbc.sql("select count(*) from member where kenpo_id = ? and branch = '00' and symbol between '20' and '29'")
			.param(kenpoId)
			.query(Long.class)
			.single();
		jdbc.sql("""
				insert into member (kenpo_id, symbol, number, branch, name, name_kana, birth_date, sex, relationship,
				  acquired_on)
				select :kenpo, (:symbolBase + h / 10000)::text, lpad((h % 10000)::text, 4, '0'), lpad(p::text, 2, '0'),
				  (array['佐藤','鈴木','高橋','田中','伊藤','渡辺','山本','中村','小林','加藤'])[1 + (h % 10)::int] || ' '
				    || case when p >= 2 then (array['陽太','結衣','蓮','葵','湊'])[1 + (x >> 8 & 3)::int]
				            when (p = 0) = male then (array['一郎','健太','大輔','翔太','拓也'])[1 + (x >> 8 & 3)::int]
				            else (array['花子','美咲','陽子','愛','由美'])[1 + (x >> 8 & 3)::int] end || h,
				  case when p = 0 then 'キボ シケン' when p = 1 then 'キボ ハイグウシャ' else 'キボ コドモ' end,
				  birth, case when p >= 2 then case when x & 1 = 0 then 'MALE' else 'FEMALE' end
				              when (p = 0) = male then 'MALE' else 'FEMALE' end,
				  case when p = 0 then '本人' when p = 1 then case when male then '妻' else '夫' end else '子' end,
				  greatest(date '2015-04-01' + ((h % 6) * 365)::int, birth)
				from generate_series(:from, :from + :count - 1) h
				cross join lateral (select (hashint8extended(h, :seed) & 1023) < 717 as male,
				  (hashint8extended(h, :seed + 100) & 3)::int as dependents) hh
				cross join lateral generate_series(0, hh.dependents) p
				cross join lateral (select hashint8extended(h * 8 + p, :seed) as x) r
				cross join lateral (select case when p >= 2 then date '2009-01-01' + (r.x >> 16 & 8191)::int % 6200
				  else date '1966-01-01' + (r.x >> 16 & 16383)::int % 10950 end as birth) b""")
			.param("kenpo", kenpoId)
			.param("symbolBase", SYMBOL_BASE)
			.param("from", from)
			.param("count", count)
			.param("seed", seed)
			.update();
	}

	/** A finished account (mail code as second factor) for every insured of the kenpo who has none. */
	private void addAccounts(long kenpoId, String passwordHash, Timestamp now) {
		jdbc.sql("""
				insert into account (kenpo_id, member_id, login_id, password_hash, password_changed_at, email,
				  email_verified_at, birth_date_confirmed_at, terms_version, user_id_confirmed_at, second_factor,
				  second_factor_enrolled_at, onboarded_at, created_at)
				select m.kenpo_id, m.id, 'm' || m.symbol || m.number, :hash, :now,
				  'm' || m.symbol || m.number || '.k' || m.kenpo_id || '@scale.example.com', :now, :now,
				  (select max(version) from terms t where t.kenpo_id = m.kenpo_id), :now, 'EMAIL_CODE', :now, :now, :now
				from member m
				where m.kenpo_id = :kenpo and m.branch = '00'
				  and not exists (select 1 from account a where a.member_id = m.id)""")
			.param("kenpo", kenpoId)
			.param("hash", passwordHash)
			.param("now", now)
			.update();
	}

	/**
	 * Claim lines of the members added: per person and month from birth on, 医科外来 about three months in
	 * ten, 調剤 two in ten, 歯科 one in ten, published on the 20th two months after the treatment.
	 */
	private void addClaims(long memberFrom, LocalDate first, LocalDate last) {
		// 7.5 million lines at issue 14's scale: as a bulk load, in one transaction. The lines come from member
		// itself, so the foreign key's per-line look-up into member proves nothing (replica role: no RI
		// triggers); and the indexes but the primary key are dropped and built again after the insert, one
		// sort each instead of millions of B-tree insertions. 480,000 lines at a load average of 25: 70 s
		// before, 34–52 s with the secondary indexes rebuilt, 28 s with the unique one too
		tx.executeWithoutResult(status -> {
			jdbc.sql("set local session_replication_role = replica").update();
			jdbc.sql("set local maintenance_work_mem = '256MB'").update();
			// the unique constraint's index too (nothing references it): an insert into a 5-column index was
			// most of the time; the data has no duplicates, and building the constraint again proves it
			List<String[]> secondary = jdbc.sql("""
					select 'drop index ' || quote_ident(c.relname), pg_get_indexdef(x.indexrelid)
					from pg_index x join pg_class c on c.oid = x.indexrelid
					where x.indrelid = 'medical_claim'::regclass and not x.indisunique and not x.indisprimary
					union all
					select 'alter table medical_claim drop constraint ' || quote_ident(conname),
					  'alter table medical_claim add constraint ' || quote_ident(conname) || ' ' || pg_get_constraintdef(oid)
					from pg_constraint where conrelid = 'medical_claim'::regclass and contype = 'u'""")
				.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) })
				.list();
			secondary.forEach(index -> jdbc.sql(index[0]).update());
			insertClaims(memberFrom, first, last);
			secondary.forEach(index -> jdbc.sql(index[1]).update());
		});
	}

	private void insertClaims(long memberFrom, LocalDate first, LocalDate last) {
		jdbc.sql("""
				insert into medical_claim (kenpo_id, member_id, service_month, category, provider_name, days,
				  total_cost, insurer_paid, patient_paid, published_at)
				select m.kenpo_id, m.id, mo::date, c.category, c.provider, 1 + (r.x >> 10 & 3)::int,
				  t.total, t.total - s.share, s.share,
				  (mo + interval '2 months 19 days')::timestamp at time zone 'Asia/Tokyo'
				from member m
				cross join generate_series(:first::timestamp, :last::timestamp, interval '1 month') mo
				cross join (values (1, 'OUTPATIENT', '桜台内科クリニック', 300), (2, 'PHARMACY', 'ひまわり薬局 桜台店', 210),
				  (3, 'DENTAL', '桜台歯科医院', 100)) c(k, category, provider, per1024)
				cross join lateral (select hashint8extended(m.id * 4096 + (extract(year from mo) * 12
				  + extract(month from mo))::bigint, c.k) as x) r
				cross join lateral (select ((2500 + (r.x >> 12 & 16383)::int) / 10 * 10) as total) t
				cross join lateral (select (round(t.total * 0.03))::int * 10 as share) s
				where m.id > :from and (r.x & 1023) < c.per1024 and mo >= date_trunc('month', m.birth_date)""")
			.param("first", first)
			.param("last", last)
			.param("from", memberFrom)
			.update();
	}

	/** A 高額療養費 decision for about one person in twelve of those added, some months back. */
	private void addDecisions(long memberFrom, YearMonth last) {
		jdbc.sql("""
				insert into benefit_decision (kenpo_id, member_id, decision_number, kind, service_month, provider_name,
				  decided_on, amount, paid_on, payee, bank_name, account_last_digits, published_at)
				select m.kenpo_id, m.id, 'S-' || m.id, 'HIGH_COST', mo, '医療法人社団 桜台総合病院',
				  (mo + interval '3 months 14 days')::date, 20000 + (x >> 12 & 65535)::int,
				  (mo + interval '4 months')::date, 'MEMBER_ACCOUNT', 'さくら銀行 本店営業部',
				  lpad((x >> 30 & 8191)::int % 10000 || '', 4, '0'),
				  (mo + interval '3 months 14 days')::timestamp at time zone 'Asia/Tokyo'
				from member m
				cross join lateral (select hashint8extended(m.id, 7) as x) r
				cross join lateral (select (:last::date - ((4 + (r.x >> 8 & 7)::int) || ' months')::interval)::date as mo) d
				where m.id > :from and (r.x & 1023) < 85 and mo >= m.birth_date""")
			.param("last", last.atDay(1))
			.param("from", memberFrom)
			.update();
	}

	/**
	 * What the accounts added leave behind as they use the portal: a sign-in audit event each, a sent mail for
	 * one in four, and {@code sessions} live sessions with one attribute.
	 */
	private void addActivity(long accountFrom, int sessions, Instant now) {
		Timestamp at = Timestamp.from(now);
		jdbc.sql("""
				insert into audit_event (kenpo_id, account_id, type, occurred_at, client_ip, user_agent)
				select a.kenpo_id, a.id, 'SIGN_IN_SECOND_FACTOR_ACCEPTED', :now::timestamptz - (a.id % 10000) * interval '1 minute',
				  '192.0.2.' || (a.id % 250), 'Mozilla/5.0'
				from account a where a.id > :from""")
			.param("now", at)
			.param("from", accountFrom)
			.update();
		jdbc.sql("""
				insert into mail_outbox (kenpo_id, recipient, subject, text_body, created_at, next_attempt_at, attempts,
				  sent_at)
				select a.kenpo_id, a.email, '医療費のお知らせを掲載しました', '本文', :now::timestamptz - interval '1 day',
				  :now::timestamptz - interval '1 day', 1, :now::timestamptz - interval '1 day'
				from account a where a.id > :from and a.id % 4 = 0""")
			.param("now", at)
			.param("from", accountFrom)
			.update();
		long millis = now.toEpochMilli();
		jdbc.sql("""
				insert into spring_session (primary_id, session_id, creation_time, last_access_time,
				  max_inactive_interval, expiry_time, principal_name)
				select gen_random_uuid()::text, gen_random_uuid()::text, :millis - 60000, :millis - 60000, 1800,
				  :millis + 1740000, 'scale-' || s
				from generate_series(1, :sessions) s""")
			.param("millis", millis)
			.param("sessions", sessions)
			.update();
		jdbc.sql("""
				insert into spring_session_attributes (session_primary_id, attribute_name, attribute_bytes)
				select primary_id, 'SPRING_SECURITY_CONTEXT', '\\x00'::bytea
				from spring_session s where principal_name like 'scale-%'
				  and not exists (select 1 from spring_session_attributes a where a.session_primary_id = s.primary_id)""")
			.update();
	}

	private long maxId(String table) {
		return jdbc.sql("select coalesce(max(id), 0) from " + table).query(Long.class).single();
	}

	private long count(String table) {
		return jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

	/** 法別番号 06, the given 5 digits and the check digit the data layer requires (weights 2,1,2,…). */
	static String insurerNumber(int fiveDigits) {
		String first7 = "06" + String.format(Locale.ROOT, "%05d", fiveDigits % 100_000);
		int sum = 0;
		for (int i = 0; i < 7; i++) {
			int p = (first7.charAt(i) - '0') * (i % 2 == 0 ? 2 : 1);
			sum += p / 10 + p % 10;
		}
		return first7 + (10 - sum % 10) % 10;
	}
}
