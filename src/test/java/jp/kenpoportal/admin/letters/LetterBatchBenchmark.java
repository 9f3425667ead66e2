package jp.kenpoportal.admin.letters;

import java.time.Duration;
import java.util.concurrent.ForkJoinPool;
import java.util.List;
import java.util.stream.IntStream;

import jp.kenpoportal.account.PasswordHasher;
import jp.kenpoportal.account.TemporaryLoginIds;
import jp.kenpoportal.account.TemporaryPasswords;
import jp.kenpoportal.admin.staff.StaffRole;
import jp.kenpoportal.document.PdfDocuments;
import jp.kenpoportal.support.PortalTest;
import jp.kenpoportal.support.TestKenpos;
import jp.kenpoportal.support.TestStaff;
import jp.kenpoportal.tenant.Kenpo;
import jp.kenpoportal.tenant.KenpoDirectory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How long 10,000 仮パスワード letters take. Not a test (excluded from verify, like every
 * *Benchmark):
 *
 * <pre>
 * ./mvnw -q test -Dtest=LetterBatchBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *     [-Dbench.letters=10000] [-Dbench.partSizes=250,1000] [-Dbench.threads=<cores>] [-Dbench.hashes=200]
 *     [-Dbench.full=false]
 * </pre>
 *
 * It prints, for each part size, the time to render the letters part by part and to bind the
 * parts into one PDF (pages and bytes checked by reading the PDF back); the time of one Argon2id
 * hash with the configured parameters, all cores busy (the job's other cost, one hash per letter);
 * and with {@code -Dbench.full=true} the whole job end to end on a kenpo of that many insured
 * persons without an account (roster rows added to the test database).
 */
@PortalTest
class LetterBatchBenchmark {

	@Autowired
	KenpoDirectory kenpos;

	@Autowired
	CredentialLetters letters;

	@Autowired
	PdfDocuments pdf;

	@Autowired
	PasswordHasher hasher;

	@Autowired
	LetterBatches batches;

	@Autowired
	LetterBatchJob job;

	@Autowired
	TestStaff staff;

	@Autowired
	JdbcClient jdbc;

	@Test
	void tenThousandLetters() throws Exception {
		int count = Integer.getInteger("bench.letters", 10_000);
		Kenpo kenpo = TestKenpos.allFactors(kenpos);
		List<CredentialLetter> all = IntStream.range(0, count)
			.mapToObj(i -> new CredentialLetter("試験 太郎" + i, "%07d".formatted(1000000 + i),
					"東京都千代田区丸の内一丁目" + (i % 9 + 1) + "番" + (i % 20 + 1) + "号 試験ビル" + (i % 30 + 1) + "階",
					TemporaryLoginIds.next(), true, TemporaryPasswords.next()))
			.toList();
		// warm up the template engine, the font parsing and the JIT on one small part
		letters.render(kenpo, all.subList(0, Math.min(50, count)));

		int threads = Integer.getInteger("bench.threads", Runtime.getRuntime().availableProcessors());
		for (String size : System.getProperty("bench.partSizes", "250,1000").split(",")) {
			if (size.isBlank() || "none".equals(size.trim())) {
				continue;
			}
			int partSize = Integer.parseInt(size.trim());
			long start = System.nanoTime();
			int partCount = (count + partSize - 1) / partSize;
			// as the job does: parts in parallel, one per core at a time
			ForkJoinPool pool = new ForkJoinPool(threads);
			List<byte[]> parts = pool.submit(() -> IntStream.range(0, partCount)
				.parallel()
				.mapToObj(i -> letters.render(kenpo, all.subList(i * partSize, Math.min(count, (i + 1) * partSize))))
				.toList()).get();
			pool.shutdown();
			long rendered = System.nanoTime();
			byte[] document = pdf.concatenate(parts);
			long bound = System.nanoTime();
			int pages;
			try (PDDocument read = Loader.loadPDF(document)) {
				pages = read.getNumberOfPages();
				// the first page as an image, to look at the layout (window position, folds)
				javax.imageio.ImageIO.write(new org.apache.pdfbox.rendering.PDFRenderer(read).renderImageWithDPI(0, 60),
						"png", java.nio.file.Path.of("target", "letter-sample.png").toFile());
			}
			System.out.printf("LETTERS %d threads, %d letters, parts of %d: render %.1f s, bind %.1f s, total %.1f s, %d pages, %.1f MB%n",
					threads, count, partSize, seconds(rendered - start), seconds(bound - rendered), seconds(bound - start), pages,
					document.length / 1e6);
		}

		int hashes = Integer.getInteger("bench.hashes", 200);
		long start = System.nanoTime();
		hashes = Math.max(1, hashes);
		IntStream.range(0, hashes).parallel().forEach(i -> hasher.hash(TemporaryPasswords.next()));
		double perHash = seconds(System.nanoTime() - start) / hashes;
		System.out.printf("LETTERS hashing (%s): %.1f ms per letter on %d cores, so %.0f s for %d letters%n",
				hasher.implementation(), perHash * 1000, Runtime.getRuntime().availableProcessors(), perHash * count, count);

		if (Boolean.getBoolean("bench.full")) {
			full(kenpo, count);
		}
	}

	/** The whole job: recipients read, hashed, rendered, bound, issued in one transaction. */
	private void full(Kenpo kenpo, int count) {
		jdbc.sql("""
				insert into member (kenpo_id, symbol, number, branch, name, name_kana, birth_date, sex, relationship,
				  acquired_on, postal_code, address)
				select ?, (10 + g / 10000)::text, lpad((g % 10000)::text, 4, '0'), '00', '試験 太郎' || g, 'シケン タロウ', date '1980-01-01', 'MALE', '本人',
				  date '2020-04-01', '100-' || lpad((g % 10000)::text, 4, '0'), '東京都千代田区丸の内一丁目' || g || '番'
				from generate_series(1, ?) g""")
			.params(kenpo.id(), count)
			.update();
		// (記号 10 + 番号 0001…9999, then 記号 11 …: lpad alone would cut 10000 to 1000, a duplicate)
		long clerk = staff.create(null, StaffRole.OPERATOR).id();
		long id = batches.create(kenpo.id(), clerk, LetterBatch.Scope.ALL, List.of(), null, null, "benchmark",
				java.time.Instant.now());
		var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
		double loadBefore = os.getSystemLoadAverage();
		long cpu = os.getProcessCpuTime();
		long start = System.nanoTime();
		job.run(batches.claim(Duration.ofHours(1)).orElseThrow());
		long wall = System.nanoTime() - start;
		long cpuUsed = os.getProcessCpuTime() - cpu;
		LetterBatch done = batches.find(kenpo.id(), id).orElseThrow();
		// the CPU time says what the job costs whatever else the machine runs; wall = CPU / cores when quiet
		System.out.printf("LETTERS full job (%s hashing): %d letters in %.1f s wall, %.1f s CPU of this JVM (%.1f s on %d quiet cores),"
				+ " load average %.1f → %.1f, state %s, %d bytes%n", hasher.implementation(), done.total(), seconds(wall),
				seconds(cpuUsed), seconds(cpuUsed) / Runtime.getRuntime().availableProcessors(),
				Runtime.getRuntime().availableProcessors(), loadBefore, os.getSystemLoadAverage(), done.state(),
				done.pdfSize());
	}

	private static double seconds(long nanos) {
		return nanos / 1e9;
	}

}
