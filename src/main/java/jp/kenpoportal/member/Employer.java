package jp.kenpoportal.member;

/** A 事業所 (employer) of a kenpo's members, as the roster names it. */
public record Employer(String code, String name) {
}
