package jp.kenpoportal.flu;

import org.springframework.http.MediaType;

/**
 * The kinds of receipt file taken, as found by their content. JPEG and PNG are re-encoded and
 * shown as images; a PDF is only ever downloaded; a HEIC (iPhone photos) is checked by its
 * header and stored, but not shown: there is no pure-Java HEIC decoder to re-encode it with.
 */
public enum ReceiptType {

	JPEG(MediaType.IMAGE_JPEG, true), PNG(MediaType.IMAGE_PNG, true),
	HEIC(MediaType.APPLICATION_OCTET_STREAM, false), PDF(MediaType.APPLICATION_PDF, false);

	private final MediaType mediaType;

	private final boolean shownInline;

	ReceiptType(MediaType mediaType, boolean shownInline) {
		this.mediaType = mediaType;
		this.shownInline = shownInline;
	}

	public MediaType mediaType() {
		return mediaType;
	}

	/** Re-encoded images are shown in the page; everything else is a download. */
	public boolean shownInline() {
		return shownInline;
	}

	public String extension() {
		return name().toLowerCase(java.util.Locale.ROOT).replace("jpeg", "jpg");
	}
}
