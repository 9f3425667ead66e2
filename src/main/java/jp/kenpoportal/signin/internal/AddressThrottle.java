package jp.kenpoportal.signin.internal;

import java.util.function.Supplier;

import javax.sql.DataSource;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;

import jp.kenpoportal.common.SecuritySettings;

import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins per client address in PostgreSQL (Bucket4j), so every node sees
 * the same count. Only failures take a token: members behind one company NAT who type
 * their passwords right never block each other.
 */
@Component
class AddressThrottle {

	private final ProxyManager<String> buckets;

	private final Supplier<BucketConfiguration> configuration;

	AddressThrottle(DataSource dataSource, SecuritySettings settings) {
		this.buckets = Bucket4jPostgreSQL.advisoryLockBasedBuilder(dataSource)
			.primaryKeyMapper(PrimaryKeyMapper.STRING)
			.table("rate_limit_bucket")
			.build();
		BucketConfiguration config = BucketConfiguration.builder()
			.addLimit(limit -> limit.capacity(settings.addressFailureCapacity())
				.refillGreedy(settings.addressFailureCapacity(), settings.addressFailureWindow()))
			.build();
		this.configuration = () -> config;
	}

	boolean blocked(String kenpoCode, String address) {
		return buckets.getProxy(key(kenpoCode, address), configuration).getAvailableTokens() <= 0;
	}

	void registerFailure(String kenpoCode, String address) {
		buckets.getProxy(key(kenpoCode, address), configuration).tryConsume(1);
	}

	private static String key(String kenpoCode, String address) {
		return "signin:" + kenpoCode + ":" + address;
	}
}
