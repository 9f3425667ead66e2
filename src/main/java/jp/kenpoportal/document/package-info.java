/**
 * PDF rendering with an embedded Japanese font. Foundational: depends on no other module.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package jp.kenpoportal.document;
