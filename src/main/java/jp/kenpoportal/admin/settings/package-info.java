/**
 * 設定 (管理者 and the operator): a kenpo's password policy, second factors, services, link
 * tiles, contact, deadlines and 利用規約 versions. Every change is shown old → new before it is
 * saved through the tenant module's API, needs the app proved within 5 minutes, and is audited.
 */
package jp.kenpoportal.admin.settings;
