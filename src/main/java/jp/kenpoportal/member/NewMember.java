package jp.kenpoportal.member;

import java.time.LocalDate;

/** A roster row to register. */
public record NewMember(String symbol, String number, String branch, String name, String nameKana,
		LocalDate birthDate, Sex sex, String relationship, LocalDate acquiredOn, LocalDate lostOn) {
}
