package jp.kenpoportal.portal;

import java.time.Instant;

/** An お知らせ of the kenpo as a member reads it, with whether this member has opened it. */
public record Notice(long id, String title, String body, Instant publishFrom, Instant publishUntil, boolean read) {
}
