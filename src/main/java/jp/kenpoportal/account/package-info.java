/**
 * Web accounts: user ID, password, mail address, state, failed-attempt counters and the lock. Knows
 * the kenpo's rules, nothing of sign-in.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "common", "tenant" })
package jp.kenpoportal.account;
