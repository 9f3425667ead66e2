/**
 * The first-registration pages written in jte ({@code src/main/jte/onboarding}, compiled into this package); the
 * steps themselves are in {@code signin.onboarding}, which names these pages by view name only.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "common", "tenant" })
package jp.kenpoportal.onboarding;
