package jp.kenpoportal.document;

import java.io.IOException;
import java.util.Arrays;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;

import static jp.kenpoportal.document.DocumentFixtures.NOTICE;
import static jp.kenpoportal.document.DocumentFixtures.notice;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Time of the first render (font and classes loaded cold) and the median of the next 20, one A4 page of
 * a 38-row table. Kept out of the test run ({@code *Benchmark*}); run it by name:
 * {@code ./mvnw -q test -Dtest=PdfDocumentsBenchmark}.
 */
class PdfDocumentsBenchmark {

	// as many as fit on the first page under the test notice's heading
	private static final int ROWS = 38;

	@Test
	void firstAndRepeatedRenders() throws IOException {
		long start = System.nanoTime();
		PdfDocuments documents = DocumentFixtures.pdfDocuments();
		byte[] pdf = documents.render(NOTICE, notice("山田 太郎", ROWS));
		long first = System.nanoTime() - start;
		long[] later = new long[20];
		for (int i = 0; i < later.length; i++) {
			start = System.nanoTime();
			pdf = documents.render(NOTICE, notice("山田 太郎", ROWS));
			later[i] = System.nanoTime() - start;
		}
		Arrays.sort(later);
		assertThat(pages(pdf)).isEqualTo(1);
		System.out.printf("PDF render: first %d ms, median of %d later %d ms (min %d, max %d), %d bytes%n",
				first / 1_000_000, later.length, later[later.length / 2] / 1_000_000, later[0] / 1_000_000,
				later[later.length - 1] / 1_000_000, pdf.length);
	}

	private static int pages(byte[] pdf) throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return document.getNumberOfPages();
		}
	}
}
