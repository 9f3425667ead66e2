/**
 * What the operator runs the portal by (issue 13): the management port's security, the request log
 * line and its request ID, the friendly page when the database is away. Foundational: depends on no
 * other module.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package jp.kenpoportal.operations;
