/**
 * Home, tiles, お知らせ and the layout: shows what the services hold for the signed-in member.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "account", "benefit", "common", "mail", "medical", "member", "signin", "tenant" })
package jp.kenpoportal.portal;
