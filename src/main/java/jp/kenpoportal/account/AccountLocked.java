package jp.kenpoportal.account;

/** Published when too many failures lock an account (for a while, or until the kenpo unlocks it). */
public record AccountLocked(long kenpoId, long accountId, boolean untilKenpoUnlocks) {
}
