/**
 * 現金給付支給決定通知.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "common", "document", "member", "signin", "tenant" })
package jp.kenpoportal.benefit;
