/**
 * 資格情報のお知らせ.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "common", "document", "member", "signin", "tenant" })
package jp.kenpoportal.qualification;
