package jp.kenpoportal.signin;

import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

import jp.kenpoportal.account.Account;
import jp.kenpoportal.audit.AuditTrail;
import jp.kenpoportal.audit.AuditType;
import jp.kenpoportal.signin.RateLimits.Limit;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * A document the signed-in member downloads (PDF, xlsx, CSV of their household's data):
 * limited per account, since rendering costs CPU; recorded in the audit trail, since it
 * carries health data; never cached; always an attachment, never rendered in place.
 */
@Component
public class MemberDownloads {

	public static final MediaType PDF = MediaType.APPLICATION_PDF;

	public static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	public static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

	private final SignedInAccount signedIn;

	private final RateLimits limits;

	private final AuditTrail audit;

	MemberDownloads(SignedInAccount signedIn, RateLimits limits, AuditTrail audit) {
		this.signedIn = signedIn;
		this.limits = limits;
		this.audit = audit;
	}

	/**
	 * Renders and sends a document. {@code what} names it in the audit trail (e.g.
	 * "medical-notice 2026-01..2026-09 masked"); the file name may be Japanese.
	 */
	public ResponseEntity<byte[]> send(String what, String fileName, MediaType type, Supplier<byte[]> render) {
		Account account = signedIn.require();
		if (!limits.tryAcquire(Limit.DOWNLOADS_PER_ACCOUNT, Long.toString(account.id()))) {
			audit.record(account.kenpoId(), account.id(), AuditType.DOWNLOAD_THROTTLED, what);
			throw new ResponseStatusException(HttpStatus.TOO_MANY_REQUESTS);
		}
		byte[] body = render.get();
		audit.record(account.kenpoId(), account.id(), AuditType.DOCUMENT_DOWNLOADED, what);
		return ResponseEntity.ok()
			.contentType(type)
			.cacheControl(CacheControl.noStore())
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
			.body(body);
	}
}
