package jp.kenpoportal.admin.letters;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;

import jp.kenpoportal.account.LetterRecipient;
import jp.kenpoportal.account.PreparedCredential;
import jp.kenpoportal.account.TemporaryCredentials;
import jp.kenpoportal.account.TemporaryPasswords;
import jp.kenpoportal.audit.AuditTrail;
import jp.kenpoportal.audit.AuditType;
import jp.kenpoportal.document.PdfDocuments;
import jp.kenpoportal.tenant.Kenpo;
import jp.kenpoportal.tenant.KenpoDirectory;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes the letters of a batch in the background, on whichever node claims it first (the page
 * only polls the row, so closing the browser stops nothing; a node that dies loses its lease and
 * another starts the batch over). Passwords exist in clear only in this job's memory and in the
 * PDF: the recipients are read, then part by part they get a random 仮パスワード (hashed, the slow
 * step) and their pages are rendered; the parts are bound into one PDF, which is stored for its
 * one download together with the hashes, in one transaction. The hashes replace the accounts'
 * initial passwords only when the PDF is downloaded ({@link LetterDownloads}): a batch that fails
 * or expires changes no password, and one that is downloaded voids every earlier letter of its
 * members at once.
 */
@Component
class LetterBatchJob {

	private static final Logger log = LoggerFactory.getLogger(LetterBatchJob.class);

	private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

	private final LetterBatches batches;

	private final TemporaryCredentials credentials;

	private final CredentialLetters letters;

	private final PdfDocuments pdf;

	private final KenpoDirectory kenpos;

	private final AuditTrail audit;

	private final TransactionTemplate tx;

	private final Clock clock;

	private final LetterSettings settings;

	LetterBatchJob(LetterBatches batches, TemporaryCredentials credentials, CredentialLetters letters, PdfDocuments pdf,
			KenpoDirectory kenpos, AuditTrail audit, TransactionTemplate tx, Clock clock,
			LetterSettings settings) {
		this.batches = batches;
		this.credentials = credentials;
		this.letters = letters;
		this.pdf = pdf;
		this.kenpos = kenpos;
		this.audit = audit;
		this.tx = tx;
		this.clock = clock;
		this.settings = settings;
	}

	/**
	 * The batches run on a thread of their own: a batch takes minutes, and the application's one
	 * scheduler thread also sends the mail outbox (sign-in codes must not wait for letters).
	 */
	private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
		Thread thread = new Thread(task, "letter-batches");
		thread.setDaemon(true);
		return thread;
	});

	private final AtomicBoolean working = new AtomicBoolean();

	@Scheduled(fixedDelayString = "${portal.letters.poll-interval:1s}")
	void poll() {
		expire();
		if (working.compareAndSet(false, true)) {
			worker.execute(() -> {
				try {
					Optional<LetterBatch> next;
					while ((next = batches.claim(settings.lease())).isPresent()) {
						run(next.get());
					}
				}
				finally {
					working.set(false);
				}
			});
		}
	}

	/** A batch cut short by a shutdown is taken over by another node (or this one) once its lease ends. */
	@PreDestroy
	void stop() {
		worker.shutdownNow();
	}

	/** Deletes the PDFs nobody downloaded within their time, audited. */
	void expire() {
		tx.executeWithoutResult(status -> batches.expire(clock.instant()).forEach(b -> {
			credentials.discard(b.kenpoId(), b.id());
			audit.recordStaff(b.kenpoId(), null, b.requestedBy(), AuditType.LETTER_BATCH_EXPIRED, "batch " + b.id());
		}));
	}

	void run(LetterBatch batch) {
		try {
			Kenpo kenpo = kenpos.findById(batch.kenpoId()).orElseThrow();
			make(kenpo, batch);
		}
		catch (RuntimeException | OutOfMemoryError e) {
			log.error("Letter batch {} failed", batch.id(), e);
			tx.executeWithoutResult(status -> {
				batches.fail(batch.id(), e.getClass().getSimpleName(), clock.instant());
				audit.recordStaff(batch.kenpoId(), null, batch.requestedBy(), AuditType.LETTER_BATCH_FAILED,
						"batch " + batch.id() + ": " + e.getClass().getSimpleName());
			});
		}
	}

	private void make(Kenpo kenpo, LetterBatch batch) {
		long started = System.nanoTime();
		LocalDate today = LocalDate.ofInstant(clock.instant(), JAPAN);
		List<LetterRecipient> recipients = credentials.notRegistered(kenpo.id(), today, batch.filter());
		int total = recipients.size();
		if (!batches.progress(batch.id(), 0, total, settings.lease())) {
			return;
		}
		Rendered rendered = renderParts(kenpo, batch, recipients);
		if (rendered == null) {
			return;
		}
		List<PreparedCredential> prepared = rendered.prepared();
		List<byte[]> parts = rendered.parts();
		byte[] document = total == 0 ? letters.render(kenpo, List.of()) : pdf.concatenate(parts);
		// the hashes wait with the PDF: they replace the members' passwords when it is downloaded
		boolean ready = Boolean.TRUE.equals(tx.execute(status -> {
			credentials.stage(kenpo.id(), batch.id(), prepared);
			batches.recordMembers(kenpo.id(), batch.id(),
					prepared.stream().map(c -> c.recipient().memberId()).toList());
			if (!batches.ready(batch.id(), total, document, clock.instant(), clock.instant().plus(settings.keep()))) {
				// another node took the batch over meanwhile: its letters count, not these
				status.setRollbackOnly();
				return false;
			}
			return true;
		}));
		if (ready) {
			log.info("Letter batch {}: {} letters, {} bytes in {} ms", batch.id(), total, document.length,
					(System.nanoTime() - started) / 1_000_000);
		}
	}

	/**
	 * The letters' pages in parts, in parallel, one part per core at a time: each part gets its
	 * passwords, hashes them and renders its pages. Null when the batch was taken over meanwhile.
	 */
	private Rendered renderParts(Kenpo kenpo, LetterBatch batch, List<LetterRecipient> recipients) {
		int total = recipients.size();
		int partSize = settings.partSize();
		int partCount = (total + partSize - 1) / partSize;
		byte[][] parts = new byte[partCount][];
		List<List<PreparedCredential>> preparedParts = new ArrayList<>(java.util.Collections.nCopies(partCount, null));
		Set<String> chosen = ConcurrentHashMap.newKeySet();
		AtomicInteger done = new AtomicInteger();
		AtomicBoolean lost = new AtomicBoolean();
		ForkJoinPool pool = new ForkJoinPool(settings.threads());
		try {
			pool.submit(() -> IntStream.range(0, partCount).parallel().forEach(i -> {
				if (lost.get()) {
					return;
				}
				List<LetterRecipient> part = recipients.subList(i * partSize, Math.min(total, (i + 1) * partSize));
				Map<Long, String> passwords = new HashMap<>();
				part.forEach(r -> passwords.put(r.memberId(), TemporaryPasswords.next()));
				List<PreparedCredential> prepared = credentials.prepare(kenpo.id(), part, passwords, chosen);
				parts[i] = letters.render(kenpo, prepared.stream()
					.map(c -> letter(c, passwords.get(c.recipient().memberId())))
					.toList());
				preparedParts.set(i, prepared);
				if (!batches.progress(batch.id(), done.addAndGet(part.size()), total, settings.lease())) {
					lost.set(true);
				}
			})).get();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("letter batch interrupted", e);
		}
		catch (ExecutionException e) {
			throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
		}
		finally {
			pool.shutdown();
		}
		return lost.get() ? null
				: new Rendered(Arrays.asList(parts), preparedParts.stream().flatMap(List::stream).toList());
	}

	private record Rendered(List<byte[]> parts, List<PreparedCredential> prepared) {
	}

	private static CredentialLetter letter(PreparedCredential c, String password) {
		LetterRecipient r = c.recipient();
		return new CredentialLetter(r.name(), r.postalCode(), r.address(), c.loginId(), r.temporaryLoginId(), password);
	}

	/** The job's settings: {@code portal.letters.*}. */
	@Component
	static class LetterSettings {

		private final Duration lease;

		private final Duration keep;

		private final int partSize;

		private final int threads;

		LetterSettings(@Value("${portal.letters.lease:10m}") Duration lease,
				@Value("${portal.letters.keep:24h}") Duration keep, @Value("${portal.letters.part-size:250}") int partSize,
				@Value("${portal.letters.threads:0}") int threads) {
			this.lease = lease;
			this.keep = keep;
			this.partSize = partSize;
			// 0: one per core
			this.threads = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
		}

		int threads() {
			return threads;
		}

		Duration lease() {
			return lease;
		}

		Duration keep() {
			return keep;
		}

		int partSize() {
			return partSize;
		}
	}
}
