/**
 * 医療費のお知らせ and the tax-deduction export; benefits that are 補填 come from the benefit module.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "common", "benefit", "document", "member", "signin", "tenant" })
package jp.kenpoportal.medical;
