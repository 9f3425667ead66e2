/**
 * The mail outbox and its SMTP delivery with retries. Foundational: depends on no other module.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package jp.kenpoportal.mail;
