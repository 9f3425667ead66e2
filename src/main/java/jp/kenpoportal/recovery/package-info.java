/**
 * The recovery pages (forgotten user ID or password) written in jte ({@code src/main/jte/recovery}, compiled into
 * this package); the controllers are in {@code signin.recovery}, which names these pages by view name only.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "common" })
package jp.kenpoportal.recovery;
