package jp.kenpoportal.admin.imports;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.Reader;
import java.io.Writer;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The checked rows on their way from the check (one thread, the {@link #writer()}) to PostgreSQL's
 * COPY (the import's transaction on another, the {@link #reader()}), so the COPY runs while the
 * file is still being checked and no clean copy of the file is written to disk. Chunks of text
 * are handed over through a short queue: at most {@link #CHUNKS} chunks of {@link #CHUNK}
 * characters wait, so the memory stays flat and a check faster than the COPY waits for it.
 * <p>
 * The reader's {@code close()} abandons the pipe (the transaction gave up: an older file, a
 * failure): from then on the writer drops what it is given, so the check can still run to its
 * end for the error report without anyone reading.
 */
final class CopyPipe {

	static final int CHUNK = 32 * 1024;

	static final int CHUNKS = 16;

	/** The end of the text; compared by identity. */
	private static final char[] END = new char[0];

	private final BlockingQueue<char[]> queue = new ArrayBlockingQueue<>(CHUNKS);

	private volatile boolean abandoned;

	/** Time the writer waited for the reader (the COPY slower than the check), in nanoseconds. */
	private volatile long writerWaited;

	private final Writer writer = new ChunkWriter();

	private final Reader reader = new ChunkReader();

	Writer writer() {
		return writer;
	}

	Reader reader() {
		return reader;
	}

	/** Abandons the pipe, as the reader's {@code close()} does (see the class comment). */
	void abandon() {
		abandoned = true;
		queue.clear();
	}

	long writerWaitedNanos() {
		return writerWaited;
	}

	private final class ChunkWriter extends Writer {

		private char[] chunk = new char[CHUNK];

		private int length;

		private boolean closed;

		@Override
		public void write(char[] cbuf, int off, int len) throws IOException {
			ensureOpen();
			while (len > 0) {
				int n = Math.min(len, CHUNK - length);
				System.arraycopy(cbuf, off, chunk, length, n);
				length += n;
				off += n;
				len -= n;
				handIfFull();
			}
		}

		@Override
		public void write(String s, int off, int len) throws IOException {
			ensureOpen();
			while (len > 0) {
				int n = Math.min(len, CHUNK - length);
				s.getChars(off, off + n, chunk, length);
				length += n;
				off += n;
				len -= n;
				handIfFull();
			}
		}

		private void ensureOpen() throws IOException {
			if (closed) {
				throw new IOException("pipe closed");
			}
		}

		private void handIfFull() throws IOException {
			if (length == CHUNK) {
				hand(chunk);
				chunk = new char[CHUNK];
				length = 0;
			}
		}

		/** Nothing: a chunk goes when full, the rest at close (a COPY needs no early rows). */
		@Override
		public void flush() {
		}

		/** Hands over the last chunk and the end; after that the reader reads -1. */
		@Override
		public void close() throws IOException {
			if (closed) {
				return;
			}
			closed = true;
			if (length > 0) {
				hand(java.util.Arrays.copyOf(chunk, length));
			}
			chunk = null;
			hand(END);
		}

		private void hand(char[] c) throws IOException {
			long t = System.nanoTime();
			try {
				// a short wait at a time, so an abandoned pipe releases a writer that waits on a full queue
				while (!abandoned && !queue.offer(c, 100, TimeUnit.MILLISECONDS)) {
					// the COPY is behind: wait for it
				}
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new InterruptedIOException("check interrupted");
			}
			finally {
				writerWaited += System.nanoTime() - t;
			}
		}
	}

	private final class ChunkReader extends Reader {

		private char[] chunk;

		private int position;

		@Override
		public int read(char[] cbuf, int off, int len) throws IOException {
			if (len == 0) {
				return 0;
			}
			if (chunk == null || position == chunk.length) {
				if (chunk == END) {
					return -1;
				}
				do {
					chunk = take();
				}
				while (chunk.length == 0 && chunk != END);
				position = 0;
				if (chunk == END) {
					return -1;
				}
			}
			int n = Math.min(len, chunk.length - position);
			System.arraycopy(chunk, position, cbuf, off, n);
			position += n;
			return n;
		}

		private char[] take() throws IOException {
			if (abandoned) {
				throw new IOException("pipe abandoned");
			}
			try {
				return queue.take();
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new InterruptedIOException("COPY interrupted");
			}
		}

		/** Abandons the pipe: the writer drops the rest (see the class comment). */
		@Override
		public void close() {
			abandon();
		}
	}
}
