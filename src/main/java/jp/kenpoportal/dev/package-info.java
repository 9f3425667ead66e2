/**
 * The development mailbox page written in jte ({@code src/main/jte/dev}, compiled into this package); its
 * controller is in {@code mail.internal}, which names the page by view name only.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "common", "mail" })
package jp.kenpoportal.dev;
