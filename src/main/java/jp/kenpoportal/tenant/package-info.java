/**
 * Kenpo (tenants), their host names and per-kenpo settings, and the request's current kenpo.
 * Foundational: uses only {@code common} (the console host, which it does not serve).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "common" })
package jp.kenpoportal.tenant;
