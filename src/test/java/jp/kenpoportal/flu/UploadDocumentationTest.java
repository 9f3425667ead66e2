package jp.kenpoportal.flu;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ASVS 5.0 5.1.1 asks for documentation of each upload's file types and sizes, unpacked ones too:
 * README's paragraph on receipts (the only member upload) names the types and the limits the
 * receipt check really applies; the console's データ取込 has its own (README and docs/imports).
 */
class UploadDocumentationTest {

	@Test
	void theReadmeNamesTheReceiptTypesAndTheLimitsTheCheckApplies() throws IOException {
		String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8).replaceAll("\\s+", " ");
		String receipts = readme.substring(readme.indexOf("**Receipts are hostile until proven otherwise.**"));

		assertThat(receipts).contains("(JPEG, PNG, PDF, HEIC)")
			.contains("Up to " + ReceiptCheck.MAX_BYTES / (1024 * 1024) + " MB and " + FluReceipts.MAX_PER_APPLICATION + " files")
			.contains("more than " + ReceiptCheck.MAX_PIXELS / 1_000_000 + " million pixels is refused")
			.contains("≤ " + ReceiptCheck.MAX_PDF_PAGES + " pages")
			.contains("a request over 40 MB in all is refused")
			.contains("データ取込 takes more (up to 2.2 GB)");
		assertThat(Files.readString(Path.of("docs/imports/README.md"), StandardCharsets.UTF_8)).contains("MS932", "UTF-8");
	}
}
