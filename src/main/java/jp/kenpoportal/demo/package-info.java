/**
 * The demo kenpo and members, loaded through the other modules' APIs like real data.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "account", "admin :: imports", "benefit", "flu", "medical", "member", "portal", "tenant" })
package jp.kenpoportal.demo;
