/**
 * Small shared helpers: typed-input normalisation, secret keys, the security settings, embedded-
 * default wiring. Depends on no other module.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package jp.kenpoportal.common;
