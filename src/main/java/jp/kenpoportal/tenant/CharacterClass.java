package jp.kenpoportal.tenant;

/** Character classes a kenpo's password policy can require. */
public enum CharacterClass {
	LETTER, UPPER, LOWER, DIGIT, SYMBOL
}
