package jp.kenpoportal.flu;

/** A stored receipt without its bytes. */
public record ReceiptInfo(long id, long applicationId, ReceiptType type, String fileName, int size, String sha256) {
}
