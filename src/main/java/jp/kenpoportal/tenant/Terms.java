package jp.kenpoportal.tenant;

import java.time.Instant;

/**
 * A version of a kenpo's terms of use (利用規約). Members are asked to accept it from
 * {@code effectiveAt}, which may lie after {@code publishedAt} (a version scheduled ahead).
 */
public record Terms(long kenpoId, int version, String title, String body, Instant publishedAt, Instant effectiveAt) {
}
