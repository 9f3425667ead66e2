package jp.kenpoportal.common;

/**
 * A row of an imported file that the checks across rows refused (a duplicate key, an unknown
 * person): its line, the column, and the reason as a message key with one argument.
 */
public record StagedRowProblem(long line, String column, String reason, String reasonArg) {
}
