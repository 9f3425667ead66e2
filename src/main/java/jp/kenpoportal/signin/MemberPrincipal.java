package jp.kenpoportal.signin;

import java.io.Serializable;

import org.springframework.security.core.AuthenticatedPrincipal;

/**
 * Who is signed in: an account of one kenpo. The name is the account ID, unique across all
 * kenpo and stable when the member changes the user ID.
 */
public record MemberPrincipal(long accountId, long kenpoId) implements AuthenticatedPrincipal, Serializable {

	@Override
	public String getName() {
		return Long.toString(accountId);
	}
}
