package jp.kenpoportal.admin;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Every security number of the staff console, in one place (the host itself is
 * {@code portal.console.host}, read by {@code common.ConsoleHost}).
 *
 * @param lockoutThreshold wrong passwords or codes in a row before a staff account locks (ASVS 5.0 V6.3.1)
 * @param lockoutDuration how long a staff account stays locked, unless a 管理者 or the operator unlocks it sooner
 * @param idleTimeout a console session ends after this long without a request (ASVS V7.3.1: shorter for privileged users)
 * @param absoluteTimeout a console session ends this long after sign-in whatever happens (ASVS V7.3.2)
 * @param reauthWindow a change of settings, roles or a member's account needs the second factor proved this recently (ASVS V7.5.1)
 * @param invitationLifetime how long an invitation link works (one use)
 * @param passwordMinLength staff passwords: at least this long (NIST 800-63B 3.1.1.2: 15 for single-factor, staff always have two)
 * @param pageSize rows per page of member search and lists
 */
@ConfigurationProperties("portal.console")
public record ConsoleSettings(
		@DefaultValue("5") int lockoutThreshold,
		@DefaultValue("15m") Duration lockoutDuration,
		@DefaultValue("15m") Duration idleTimeout,
		@DefaultValue("8h") Duration absoluteTimeout,
		@DefaultValue("5m") Duration reauthWindow,
		@DefaultValue("72h") Duration invitationLifetime,
		@DefaultValue("12") int passwordMinLength,
		@DefaultValue("20") int pageSize) {
}
