package jp.kenpoportal.signin.onboarding;

import jp.kenpoportal.account.Account;
import jp.kenpoportal.tenant.Kenpo;

/**
 * One step of the first registration (a "required action"): it knows whether an account
 * still needs it and where its page is; its controller shows and submits it.
 */
public interface OnboardingStep {

	/** The step's page. */
	String path();

	/** A short name for the audit trail and the progress indicator. */
	String name();

	boolean isPending(Account account, Kenpo kenpo);
}
