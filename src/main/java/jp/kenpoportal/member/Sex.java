package jp.kenpoportal.member;

public enum Sex {
	MALE, FEMALE
}
