/**
 * インフルエンザ予防接種補助 (issue 12): the rules per kenpo and season, members' applications
 * with their receipts, the review's state machine, payment batches with the 全銀協 総合振込 file and
 * the decisions they leave in 現金給付支給決定通知. The console pages live in {@code admin.flu}
 * and use this package's API; nothing here knows the console.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "account", "audit", "benefit", "common", "document", "member",
		"signin", "tenant" })
package jp.kenpoportal.flu;
