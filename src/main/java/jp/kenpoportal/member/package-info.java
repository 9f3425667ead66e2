/**
 * The roster: insured persons and dependants, households by 記号・番号. Foundational: depends on no other
 * module.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package jp.kenpoportal.member;
