/**
 * The append-only audit trail. Foundational: uses only {@code common}, for the key that hashes
 * unknown typed user IDs.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "common" })
package jp.kenpoportal.audit;
