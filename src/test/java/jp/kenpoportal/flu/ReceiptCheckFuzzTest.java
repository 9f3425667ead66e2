package jp.kenpoportal.flu;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.Test;

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
		assertThat(shown.codePoints().noneMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
				|| Character.getType(c) == Character.SURROGATE))
			.as("no control character or lone surrogate in [%s]", shown)
			.isTrue();
		assertThat(shown.codePointCount(0, shown.length())).isLessThanOrEqualTo(100);
	}

	/** Found by fuzzing: C1 control characters were kept and the cut at 100 chars split an emoji. */
	@Test
	void whenANameHoldsC1ControlsOrEndsPastOneHundredCharactersThenItIsShownWhole() {
		assertThat(FluReceipts.displayName("領収書\u0085\u009b.pdf", ReceiptType.PDF)).isEqualTo("領収書.pdf");
		String shown = FluReceipts.displayName("あ".repeat(99) + "😀😀", ReceiptType.PDF);
		assertThat(shown).isEqualTo("あ".repeat(99) + "😀");
		assertThat(FluReceipts.displayName("C:\\tmp\u2028x/receipt.jpg", ReceiptType.JPEG)).isEqualTo("receipt.jpg");
	}
}
