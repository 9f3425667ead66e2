/**
 * The roster: insured persons and dependants, households by 記号・番号. Foundational: depends only on common
 * (bulk COPY for the roster import).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "common" })
package jp.kenpoportal.member;
