/**
 * The kenpo staff console on its own host (DESIGN.md, The staff console): staff accounts and
 * roles, their sign-in (password + authenticator app), member support, staff management,
 * kenpo registration, settings, お知らせ, the registration dashboard and the imports of the core system's files (the merges are in member, medical and benefit). It uses the other modules' APIs only; nothing depends on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Staff console",
		allowedDependencies = { "common", "tenant", "member", "account", "audit", "mail", "signin", "signin :: totp",
			"signin :: passkeys", "signin :: emailVerifications", "portal", "document", "medical", "benefit", "flu" })
package jp.kenpoportal.admin;
