package jp.kenpoportal.portal;

import java.time.LocalDate;

import jp.kenpoportal.member.Member;

/**
 * What decides which お知らせ a member sees: whether the account holder is an insured person
 * qualified today, and their 事業所 (null when the roster has none). Dependants have no
 * account, so the reader is always the holder's own roster row.
 */
public record NoticeReader(boolean insured, String employerCode) {

	public static NoticeReader of(Member member, LocalDate today) {
		return new NoticeReader(member.insured() && member.qualifiedOn(today), member.employerCode());
	}
}
