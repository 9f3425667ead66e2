package jp.kenpoportal.flu;

import java.nio.charset.StandardCharsets;

import jp.kenpoportal.flu.ReceiptCheck.Refusal;
import jp.kenpoportal.flu.ReceiptCheck.Result;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Receipt files are judged by their content and re-encoded; hostile ones are refused. */
class ReceiptCheckTest {

	@Test
	void whenAJpegCarriesExifAndGpsThenTheStoredImageHasNeither() {
		Result result = ReceiptCheck.check(CraftedFiles.jpegWithExifGps());
		assertThat(result.accepted()).isTrue();
		assertThat(result.type()).isEqualTo(ReceiptType.JPEG);
		String stored = new String(result.bytes(), StandardCharsets.ISO_8859_1);
		assertThat(stored).doesNotContain("Exif").doesNotContain("GPS");
	}

	@Test
	void whenAJpegHasHtmlAppendedThenOnlyTheImageIsKept() {
		Result result = ReceiptCheck.check(CraftedFiles.polyglotJpegHtml());
		assertThat(result.accepted()).isTrue();
		assertThat(new String(result.bytes(), StandardCharsets.ISO_8859_1)).doesNotContain("<script").doesNotContain("<html");
	}

	@Test
	void whenAPngDeclaresHundredsOfMillionsOfPixelsThenItIsRefusedBeforeDecoding() {
		byte[] bomb = CraftedFiles.decompressionBombPng();
		assertThat(bomb.length).isLessThan(10_000);
		assertThat(ReceiptCheck.check(bomb).refusal()).isEqualTo(Refusal.TOO_MANY_PIXELS);
	}

	@Test
	void whenAPdfCarriesJavaScriptThenItIsRefusedAPlainOneAccepted() {
		assertThat(ReceiptCheck.check(CraftedFiles.pdfWithJavaScript()).refusal()).isEqualTo(Refusal.PDF_SCRIPT);
		Result plain = ReceiptCheck.check(CraftedFiles.pdf());
		assertThat(plain.accepted()).isTrue();
		assertThat(plain.type()).isEqualTo(ReceiptType.PDF);
	}

	@Test
	void whenTheContentIsHtmlWhateverTheNameThenNotAllowed() {
		assertThat(ReceiptCheck.check(CraftedFiles.html()).refusal()).isEqualTo(Refusal.NOT_ALLOWED);
		assertThat(ReceiptCheck.check("%PDF-1.7 not really".getBytes(StandardCharsets.US_ASCII)).refusal())
			.isEqualTo(Refusal.BROKEN);
		assertThat(ReceiptCheck.check(new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1, 2, 3 }).refusal())
			.isEqualTo(Refusal.BROKEN);
	}

	@Test
	void theTypeComesFromTheContentHeicByItsHeaderOnly() {
		assertThat(ReceiptCheck.check(CraftedFiles.png()).type()).isEqualTo(ReceiptType.PNG);
		Result heic = ReceiptCheck.check(CraftedFiles.heic());
		assertThat(heic.type()).isEqualTo(ReceiptType.HEIC);
		assertThat(heic.bytes()).isEqualTo(CraftedFiles.heic());
	}

	@Test
	void whenEmptyOrOverTenMegabytesThenRefused() {
		assertThat(ReceiptCheck.check(new byte[0]).refusal()).isEqualTo(Refusal.EMPTY);
		assertThat(ReceiptCheck.check(new byte[ReceiptCheck.MAX_BYTES + 1]).refusal()).isEqualTo(Refusal.TOO_LARGE);
	}
}
