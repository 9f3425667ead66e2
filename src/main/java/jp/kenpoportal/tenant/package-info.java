/**
 * Kenpo (tenants), their host names and per-kenpo settings, and the request's current kenpo.
 * Foundational: depends on no other module.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package jp.kenpoportal.tenant;
