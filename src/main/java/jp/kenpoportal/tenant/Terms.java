package jp.kenpoportal.tenant;

import java.time.Instant;

/** A version of a kenpo's terms of use (利用規約). */
public record Terms(long kenpoId, int version, String title, String body, Instant publishedAt) {
}
