package jp.kenpoportal.tenant.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import jp.kenpoportal.tenant.CharacterClass;
import jp.kenpoportal.tenant.ExternalLink;
import jp.kenpoportal.tenant.InsurerNumber;
import jp.kenpoportal.tenant.Kenpo;
import jp.kenpoportal.tenant.KenpoDirectory;
import jp.kenpoportal.tenant.KenpoSettings;
import jp.kenpoportal.tenant.NewKenpo;
import jp.kenpoportal.tenant.PasswordRules;
import jp.kenpoportal.tenant.SecondFactor;
import jp.kenpoportal.tenant.Terms;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Kenpo rows, with host look-ups and the current terms cached briefly: every request resolves
 * its kenpo, a signed-in request checks the member has accepted the current terms, and both
 * change rarely. A change made here shows at once on this node and within
 * {@link #CACHE_TTL} on the others.
 */
@Repository
class JdbcKenpoDirectory implements KenpoDirectory {

	private static final Duration CACHE_TTL = Duration.ofSeconds(30);

	private static final String TERMS_COLUMNS = "select kenpo_id, version, title, body, published_at, effective_at from terms";

	private final JdbcClient jdbc;

	private final Clock clock;

	private final String publicUrlTemplate;

	private final Map<String, Cached> byHost = new ConcurrentHashMap<>();

	/** By kenpo ID (IDs of kenpo rows only, never anything a request names). */
	private final Map<Long, CachedTerms> termsByKenpo = new ConcurrentHashMap<>();

	JdbcKenpoDirectory(JdbcClient jdbc, Clock clock, @Value("${portal.public-url-template}") String publicUrlTemplate) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.publicUrlTemplate = publicUrlTemplate;
	}

	@Override
	public Optional<Kenpo> findByHost(String host) {
		String key = host.toLowerCase(Locale.ROOT);
		Instant now = Instant.now();
		Cached cached = byHost.get(key);
		if (cached == null || cached.expires.isBefore(now)) {
			Optional<Kenpo> found = query("where k.host = ?", key).stream().findFirst();
			if (found.isEmpty()) {
				// unknown hosts are not remembered: any Host header would grow the cache
				return found;
			}
			cached = new Cached(found, now.plus(CACHE_TTL));
			byHost.put(key, cached);
		}
		return cached.kenpo;
	}

	@Override
	public Optional<Kenpo> findById(long id) {
		return query("where k.id = ?", id).stream().findFirst();
	}

	@Override
	public Optional<Kenpo> findByCode(String code) {
		return query("where k.code = ?", code).stream().findFirst();
	}

	@Override
	public List<Kenpo> findAll() {
		return query("order by k.id");
	}

	@Override
	public Optional<Terms> currentTerms(long kenpoId) {
		Instant now = Instant.now();
		Instant at = clock.instant();
		CachedTerms cached = termsByKenpo.get(kenpoId);
		// a cached answer holds until it expires or the next scheduled version takes effect
		if (cached == null || cached.expires.isBefore(now) || !at.isBefore(cached.nextEffective)) {
			cached = new CachedTerms(queryCurrentTerms(kenpoId, at), now.plus(CACHE_TTL), nextEffective(kenpoId, at));
			termsByKenpo.put(kenpoId, cached);
		}
		return cached.terms;
	}

	@Override
	public List<Terms> termsVersions(long kenpoId) {
		return jdbc.sql(TERMS_COLUMNS + " where kenpo_id = ? order by version desc")
			.param(kenpoId)
			.query(JdbcKenpoDirectory::terms)
			.list();
	}

	private Optional<Terms> queryCurrentTerms(long kenpoId, Instant at) {
		return jdbc.sql(TERMS_COLUMNS + " where kenpo_id = ? and effective_at <= ? order by version desc limit 1")
			.params(kenpoId, java.sql.Timestamp.from(at))
			.query(JdbcKenpoDirectory::terms)
			.optional();
	}

	private Instant nextEffective(long kenpoId, Instant at) {
		return jdbc.sql("select effective_at from terms where kenpo_id = ? and effective_at > ? order by effective_at limit 1")
			.params(kenpoId, java.sql.Timestamp.from(at))
			.query(java.sql.Timestamp.class)
			.optional()
			.map(java.sql.Timestamp::toInstant)
			.orElse(Instant.MAX);
	}

	private static Terms terms(ResultSet rs, int row) throws SQLException {
		return new Terms(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant(),
				rs.getTimestamp(6).toInstant());
	}

	@Override
	@Transactional
	public Kenpo create(NewKenpo k) {
		InsurerNumber.require(k.insurerNumber());
		long id = jdbc.sql("""
				insert into kenpo (code, host, name, insurer_number, contact_email, contact_phone, symbol_digits,
				  number_digits, initial_password_deadline, allowed_factors, recommended_factor, password_min_length,
				  password_max_length, password_symbols, password_required_classes, enabled_services)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::text[], ?, ?, ?, ?, ?::text[], ?::text[]) returning id""")
			.params(k.code(), k.host().toLowerCase(Locale.ROOT), k.name(), k.insurerNumber(), k.contactEmail(),
					k.contactPhone(), k.symbolDigits(), k.numberDigits(),
					java.sql.Timestamp.from(k.initialPasswordDeadline()), pgArray(k.allowedFactors()),
					k.recommendedFactor().name(), k.passwordRules().minLength(), k.passwordRules().maxLength(),
					k.passwordRules().symbols(), pgArray(k.passwordRules().requiredClasses()),
					pgArray(k.enabledServices()))
			.query(Long.class)
			.single();
		byHost.clear();
		return findById(id).orElseThrow();
	}

	@Override
	@Transactional
	public void addLink(long kenpoId, ExternalLink link) {
		jdbc.sql("""
				insert into kenpo_link (kenpo_id, position, title, url)
				select ?, coalesce(max(position), 0) + 1, ?, ? from kenpo_link where kenpo_id = ?""")
			.params(kenpoId, link.title(), link.url(), kenpoId)
			.update();
		byHost.clear();
	}

	@Override
	@Transactional
	public Terms publishTerms(long kenpoId, String title, String body) {
		return publishTerms(kenpoId, title, body, clock.instant());
	}

	@Override
	@Transactional
	public Terms publishTerms(long kenpoId, String title, String body, Instant effectiveAt) {
		Instant now = clock.instant();
		Instant effective = effectiveAt.isBefore(now) ? now : effectiveAt;
		int version = jdbc.sql("""
				insert into terms (kenpo_id, version, title, body, published_at, effective_at)
				select ?, coalesce(max(version), 0) + 1, ?, ?, ?, ? from terms where kenpo_id = ? returning version""")
			.params(kenpoId, title, body, java.sql.Timestamp.from(now), java.sql.Timestamp.from(effective), kenpoId)
			.query(Integer.class)
			.single();
		evictTerms(kenpoId);
		return termsVersions(kenpoId).stream().filter(t -> t.version() == version).findFirst().orElseThrow();
	}

	@Override
	public Optional<KenpoSettings> settings(long kenpoId) {
		return findById(kenpoId).map(k -> new KenpoSettings(k.contactEmail(), k.contactPhone(),
				k.initialPasswordDeadline(), k.allowedFactors(), k.recommendedFactor(), k.passwordRules(),
				k.enabledServices(), k.links(),
				jdbc.sql("select publication_day from kenpo where id = ?").param(kenpoId).query(Integer.class).single(),
				k.accessMonthsAfterLoss()));
	}

	@Override
	@Transactional
	public void updateSettings(long kenpoId, KenpoSettings s) {
		s.requireValid();
		PasswordRules rules = s.passwordRules();
		jdbc.sql("""
				update kenpo set contact_email = ?, contact_phone = ?, initial_password_deadline = ?,
				  allowed_factors = ?::text[], recommended_factor = ?, password_min_length = ?, password_max_length = ?,
				  password_symbols = ?, password_required_classes = ?::text[], enabled_services = ?::text[],
				  publication_day = ?, access_months_after_loss = ?
				where id = ?""")
			.params(s.contactEmail(), s.contactPhone(), java.sql.Timestamp.from(s.initialPasswordDeadline()),
					pgArray(s.allowedFactors()), s.recommendedFactor().name(), rules.minLength(), rules.maxLength(),
					rules.symbols(), pgArray(rules.requiredClasses()), pgArray(s.enabledServices()), s.publicationDay(),
					s.accessMonthsAfterLoss(), kenpoId)
			.update();
		jdbc.sql("delete from kenpo_link where kenpo_id = ?").param(kenpoId).update();
		int position = 0;
		for (ExternalLink link : s.links()) {
			jdbc.sql("insert into kenpo_link (kenpo_id, position, title, url) values (?, ?, ?, ?)")
				.params(kenpoId, ++position, link.title(), link.url())
				.update();
		}
		evictKenpos();
	}

	/** Forgets the cached kenpo now and, inside a transaction, once more after it commits. */
	private void evictKenpos() {
		byHost.clear();
		afterCommit(byHost::clear);
	}

	private void evictTerms(long kenpoId) {
		termsByKenpo.remove(kenpoId);
		// a request in between may have cached the version before this one: once more when it counts
		afterCommit(() -> termsByKenpo.remove(kenpoId));
	}

	private static void afterCommit(Runnable action) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					action.run();
				}
			});
		}
	}

	@Override
	@Transactional
	public void allowFactors(long kenpoId, Set<SecondFactor> factors) {
		jdbc.sql("update kenpo set allowed_factors = ?::text[] where id = ?")
			.params(pgArray(factors), kenpoId)
			.update();
		evictKenpos();
	}

	@Override
	@Transactional
	public void keepAccessAfterLoss(long kenpoId, int months) {
		if (months < 0 || months > 120) {
			throw new IllegalArgumentException("months of access after loss of qualification: 0–120");
		}
		jdbc.sql("update kenpo set access_months_after_loss = ? where id = ?").params(months, kenpoId).update();
		byHost.clear();
	}

	@Override
	@Transactional
	public void disable(long kenpoId) {
		jdbc.sql("update kenpo set disabled_at = coalesce(disabled_at, ?) where id = ?")
			.params(java.sql.Timestamp.from(clock.instant()), kenpoId)
			.update();
		evictKenpos();
	}

	@Override
	public boolean stopped(long kenpoId) {
		return jdbc.sql("select disabled_at is not null from kenpo where id = ?")
			.param(kenpoId)
			.query(Boolean.class)
			.optional()
			.orElse(true);
	}

	@Override
	@Transactional
	public void enable(long kenpoId) {
		jdbc.sql("update kenpo set disabled_at = null where id = ?").param(kenpoId).update();
		evictKenpos();
	}

	private List<Kenpo> query(String where, Object... params) {
		return jdbc.sql("""
				select k.*, array(select l.title || chr(31) || l.url from kenpo_link l
				                  where l.kenpo_id = k.id order by l.position) as links
				from kenpo k\s""" + where).params(params).query(this::map).list();
	}

	private Kenpo map(ResultSet rs, int row) throws SQLException {
		String host = rs.getString("host");
		String baseUrl = rs.getString("public_base_url");
		if (baseUrl == null) {
			baseUrl = publicUrlTemplate.replace("{host}", host);
		}
		PasswordRules rules = new PasswordRules(rs.getInt("password_min_length"), rs.getInt("password_max_length"),
				rs.getString("password_symbols"),
				enumSet(rs.getArray("password_required_classes"), CharacterClass.class));
		return new Kenpo(rs.getLong("id"), rs.getString("code"), host, rs.getString("name"),
				rs.getString("insurer_number"), rs.getString("contact_email"), rs.getString("contact_phone"), baseUrl,
				rs.getInt("symbol_digits"), rs.getInt("number_digits"),
				rs.getTimestamp("initial_password_deadline").toInstant(),
				enumSet(rs.getArray("allowed_factors"), SecondFactor.class),
				SecondFactor.valueOf(rs.getString("recommended_factor")), rules,
				List.of(strings(rs.getArray("enabled_services"))), links(rs.getArray("links")),
				rs.getInt("access_months_after_loss"), instant(rs.getTimestamp("disabled_at")));
	}

	private static Instant instant(java.sql.Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

	/** Links come as "title␟url" strings (unit separator), so one query loads a kenpo whole. */
	private static List<ExternalLink> links(Array array) throws SQLException {
		return java.util.Arrays.stream(strings(array))
			.map(s -> s.split("\u001f", 2))
			.map(parts -> new ExternalLink(parts[0], parts[1]))
			.toList();
	}

	private static String[] strings(Array array) throws SQLException {
		return array == null ? new String[0] : (String[]) array.getArray();
	}

	private static <E extends Enum<E>> Set<E> enumSet(Array array, Class<E> type) throws SQLException {
		Set<E> set = EnumSet.noneOf(type);
		for (String s : strings(array)) {
			set.add(Enum.valueOf(type, s));
		}
		return set;
	}

	private static String pgArray(java.util.Collection<?> values) {
		return values.stream().map(v -> '"' + (v instanceof Enum<?> e ? e.name() : v.toString()) + '"')
			.collect(Collectors.joining(",", "{", "}"));
	}

	private record Cached(Optional<Kenpo> kenpo, Instant expires) {
	}

	private record CachedTerms(Optional<Terms> terms, Instant expires, Instant nextEffective) {
	}

}
