package jp.kenpoportal.admin.support;

import jp.kenpoportal.account.Account;
import jp.kenpoportal.member.Member;

/**
 * One household in the search results: its insured person, their web account if any, and the
 * message key of the account's state (no account, not registered, registered, locked).
 */
public record SupportRow(Member insured, Account account, String stateKey) {
}
