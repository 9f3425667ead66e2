package jp.kenpoportal.admin.letters;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jp.kenpoportal.document.PdfDocuments;
import jp.kenpoportal.signin.totp.QrCode;
import jp.kenpoportal.tenant.Kenpo;

import org.springframework.stereotype.Component;

/**
 * Renders 仮ユーザID・仮パスワード letters, one A4 page each (documents/credentials-letter): the
 * batches of this package and the member support's reset letter alike, which differ only in
 * title and lead. The kenpo's URL is printed as text and as a QR code (the same image on every
 * page of a render).
 */
@Component
public class CredentialLetters {

	static final String TEMPLATE = "documents/credentials-letter";

	private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

	/** 30 mm printed: about 4 px per module of a short URL's QR code, sharp at any printer's resolution. */
	private static final int QR_PIXELS = 160;

	private final PdfDocuments pdf;

	private final Clock clock;

	CredentialLetters(PdfDocuments pdf, Clock clock) {
		this.pdf = pdf;
		this.clock = clock;
	}

	/** The letters of a batch, Webサービスのご案内: only ever printed, so untagged (several times faster). */
	public byte[] render(Kenpo kenpo, List<CredentialLetter> letters) {
		return pdf.renderForPrint(TEMPLATE, variables(kenpo, letters, "letters.pdf.title", "letters.pdf.lead"));
	}

	/**
	 * A letter with its own title and lead message keys (the lead gets the kenpo's name as {0}),
	 * tagged for screen readers like the portal's other documents.
	 */
	public byte[] render(Kenpo kenpo, List<CredentialLetter> letters, String titleKey, String leadKey) {
		return pdf.render(TEMPLATE, variables(kenpo, letters, titleKey, leadKey));
	}

	private Map<String, Object> variables(Kenpo kenpo, List<CredentialLetter> letters, String titleKey,
			String leadKey) {
		Map<String, Object> variables = new HashMap<>();
		variables.put("kenpo", kenpo);
		variables.put("letters", letters);
		variables.put("titleKey", titleKey);
		variables.put("leadKey", leadKey);
		variables.put("url", kenpo.publicBaseUrl());
		variables.put("qr", QrCode.pngDataUri(kenpo.publicBaseUrl(), QR_PIXELS));
		variables.put("issuedOn", LocalDate.ofInstant(clock.instant(), JAPAN));
		variables.put("deadline", deadline(kenpo));
		return variables;
	}

	/**
	 * The last day the 仮パスワード works, as printed: the kenpo's initial-password deadline is an
	 * instant after which it stops, so the day before it when it falls on midnight in Japan.
	 */
	static LocalDate deadline(Kenpo kenpo) {
		var at = kenpo.initialPasswordDeadline().atZone(JAPAN);
		LocalDate day = at.toLocalDate();
		return at.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) ? day.minusDays(1) : day;
	}
}
