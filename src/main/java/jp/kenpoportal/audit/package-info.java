/**
 * The append-only audit trail. Foundational: depends on no other module.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package jp.kenpoportal.audit;
