package jp.kenpoportal.signin;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;

import jp.kenpoportal.common.SecuritySettings;

import org.springframework.jdbc.core.simple.JdbcClient;

import org.springframework.stereotype.Component;

/**
 * Rate limits held in PostgreSQL (Bucket4j), so every node counts together. Each limit is
 * a named bucket per key (a client address, an account, a mail address), its numbers in
 * {@link SecuritySettings}.
 */
@Component
public class RateLimits {

	/** The limits the portal knows. */
	public enum Limit {
		/** failed sign-ins per client address */
		SIGN_IN_FAILURES_PER_ADDRESS,
		/** recovery requests (forgotten ID or password) per client address */
		RECOVERY_PER_ADDRESS,
		/** recovery requests per mail address or user ID asked about */
		RECOVERY_PER_TARGET,
		/** mails sent again (codes, confirmations) per account */
		RESENDS_PER_ACCOUNT,
		/** mails sent again (再送信 of codes, confirmations) per client address, whatever the account */
		RESENDS_PER_ADDRESS,
		/** documents (PDF, xlsx, CSV) rendered per account */
		DOWNLOADS_PER_ACCOUNT,
		/** files (receipts) uploaded per account */
		UPLOADS_PER_ACCOUNT
	}

	private final ProxyManager<String> buckets;

	private final Map<Limit, BucketConfiguration> configurations = new ConcurrentHashMap<>();

	private final JdbcClient jdbc;

	RateLimits(DataSource dataSource, SecuritySettings settings, JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.buckets = Bucket4jPostgreSQL.advisoryLockBasedBuilder(dataSource)
			.primaryKeyMapper(PrimaryKeyMapper.STRING)
			.table("rate_limit_bucket")
			.build();
		configurations.put(Limit.SIGN_IN_FAILURES_PER_ADDRESS,
				config(settings.addressFailureCapacity(), settings.addressFailureWindow()));
		configurations.put(Limit.RECOVERY_PER_ADDRESS,
				config(settings.recoveryPerAddress(), settings.recoveryWindow()));
		configurations.put(Limit.RECOVERY_PER_TARGET, config(settings.recoveryPerTarget(), settings.recoveryWindow()));
		configurations.put(Limit.RESENDS_PER_ACCOUNT, config(settings.resendsPerAccount(), settings.resendWindow()));
		configurations.put(Limit.RESENDS_PER_ADDRESS, config(settings.resendsPerAddress(), settings.resendWindow()));
		configurations.put(Limit.DOWNLOADS_PER_ACCOUNT,
				config(settings.downloadsPerAccount(), settings.downloadWindow()));
		configurations.put(Limit.UPLOADS_PER_ACCOUNT, config(settings.uploadsPerAccount(), settings.uploadWindow()));
	}

	/** Takes one token; false when the limit is reached (and nothing was taken). */
	public boolean tryAcquire(Limit limit, String key) {
		return bucket(limit, key).tryConsume(1);
	}

	/**
	 * Whether the limit is reached, without taking a token. Most keys never failed: a plain
	 * look-up answers them without Bucket4j's locked transaction or a new bucket row.
	 */
	public boolean exhausted(Limit limit, String key) {
		boolean known = jdbc.sql("select exists(select 1 from rate_limit_bucket where id = ?)")
			.param(limit.name() + ":" + key)
			.query(Boolean.class)
			.single();
		return known && bucket(limit, key).getAvailableTokens() <= 0;
	}

	private io.github.bucket4j.distributed.BucketProxy bucket(Limit limit, String key) {
		BucketConfiguration config = configurations.get(limit);
		return buckets.getProxy(limit.name() + ":" + key, () -> config);
	}

	private static BucketConfiguration config(int capacity, Duration window) {
		return BucketConfiguration.builder()
			.addLimit(l -> l.capacity(capacity).refillGreedy(capacity, window))
			.build();
	}
}
