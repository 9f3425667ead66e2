/**
 * The kenpo staff console on its own host (DESIGN.md, The staff console): staff accounts and
 * roles, their sign-in (password + authenticator app), member support, staff management,
 * kenpo registration, settings, お知らせ and the registration dashboard. It uses the other modules' APIs only; nothing depends on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Staff console",
		allowedDependencies = { "common", "tenant", "member", "account", "audit", "mail", "signin", "signin :: totp",
			"signin :: passkeys", "signin :: emailVerifications", "portal", "document", "benefit", "flu" })
package jp.kenpoportal.admin;
