package jp.kenpoportal.flu;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Any file a member uploads as a receipt is either refused with one of the reasons that have a
 * Japanese message, or accepted as a JPEG, PNG, PDF or HEIC whose stored bytes pass the same check
 * again (a re-encoded image is a clean image of the same type) and, for a PDF, whose first page
 * the staff's preview can draw; nothing ends in an exception or an error (a 500 instead of the
 * form with its message). The shown file name is cut without breaking a character. Kept inputs:
 * {@code src/test/resources/jp/kenpoportal/flu/ReceiptCheckFuzzTestInputs/} (a JPEG, PNG, PDF and
 * HEIC among them, so the fuzzer starts from real files).
 */
class ReceiptCheckFuzzTest {

	@FuzzTest(maxDuration = "3m")
	void anyUploadedFileIsRefusedWithAReasonOrStoredClean(byte[] bytes) {
		ReceiptCheck.Result result = ReceiptCheck.check(bytes);
		if (!result.accepted()) {
			assertThat(result.refusal().messageKey()).startsWith("flu.receipt.refused.");
			return;
		}
		assertThat(result.type()).isNotNull();
		assertThat(result.bytes()).isNotEmpty();
		ReceiptCheck.Result again = ReceiptCheck.check(result.bytes());
		assertThat(again.accepted()).as("the stored bytes pass the check again").isTrue();
		assertThat(again.type()).isEqualTo(result.type());
		if (result.type() == ReceiptType.PDF) {
			assertThat(PdfPreview.firstPage(result.bytes())).isNotEmpty();
		}
	}

	@FuzzTest(maxDuration = "2m")
	void anyUploadedFileNameIsShownWithoutPathControlsOrABrokenCharacter(FuzzedDataProvider data) {
		String shown = FluReceipts.displayName(data.consumeRemainingAsString(), ReceiptType.PDF);
		assertThat(shown).isNotBlank().doesNotContain("/", "\\");
		assertThat(shown.codePoints().noneMatch(c -> Character.isISOControl(c) || Character.isSurrogate((char) c)))
			.as("no control character or lone surrogate in [%s]", shown)
			.isTrue();
		assertThat(shown.codePointCount(0, shown.length())).isLessThanOrEqualTo(100);
	}
}
