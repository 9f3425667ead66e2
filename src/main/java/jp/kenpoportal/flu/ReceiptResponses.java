package jp.kenpoportal.flu;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

/**
 * How a stored receipt is sent, on the member host and the console alike: the Content-Type our
 * own check found (never the uploader's), {@code nosniff}, a sandboxing CSP that lets nothing run
 * even if a browser were tricked into rendering it as a page, no caching, and every type but a
 * re-encoded image as an attachment.
 */
public final class ReceiptResponses {

	private ReceiptResponses() {
	}

	/** A PNG made by us from a stored file (a PDF's first page), shown inline under the same headers. */
	public static ResponseEntity<byte[]> png(long receiptId, byte[] png) {
		return ResponseEntity.ok()
			.contentType(org.springframework.http.MediaType.IMAGE_PNG)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename("receipt-" + receiptId + ".png").build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.header("Content-Security-Policy", "default-src 'none'; sandbox")
			.header(HttpHeaders.CACHE_CONTROL, "private, no-store")
			.body(png);
	}

	public static ResponseEntity<byte[]> of(FluReceipts.ReceiptFile file) {
		ReceiptInfo info = file.info();
		String name = "receipt-" + info.id() + "." + info.type().extension();
		ContentDisposition disposition = (info.type().shownInline() ? ContentDisposition.inline()
				: ContentDisposition.attachment()).filename(name).build();
		return ResponseEntity.ok()
			.contentType(info.type().mediaType())
			.header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
			.header("X-Content-Type-Options", "nosniff")
			.header("Content-Security-Policy", "default-src 'none'; sandbox")
			.header(HttpHeaders.CACHE_CONTROL, "private, no-store")
			.body(file.bytes());
	}
}
