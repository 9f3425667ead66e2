package jp.kenpoportal.account;

import java.time.LocalDate;

/** An insured person who has not finished the first registration, for a follow-up letter. */
public record NotRegisteredMember(String symbol, String number, String name, String nameKana, LocalDate birthDate) {
}
