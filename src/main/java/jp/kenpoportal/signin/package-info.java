/**
 * Spring Security setup, sign-in, the second factors, the onboarding pipeline, recovery, and the
 * member's own settings (profile, login method).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "account", "audit", "common", "mail", "member", "tenant" })
package jp.kenpoportal.signin;
