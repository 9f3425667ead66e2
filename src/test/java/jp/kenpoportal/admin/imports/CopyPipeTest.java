package jp.kenpoportal.admin.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

/** The hand-over from the check to the COPY (see {@link CopyPipe}). */
class CopyPipeTest {

	@Test
	void theCopyReadsWhatTheCheckWroteInOrderThenTheEnd() throws Exception {
		CopyPipe pipe = new CopyPipe();
		// more than the queue holds, so the writer must wait for the reader; rows across chunk ends
		int rows = CopyPipe.CHUNK * CopyPipe.CHUNKS / 10;
		Thread check = new Thread(() -> {
			try (Writer w = pipe.writer()) {
				for (int i = 0; i < rows; i++) {
					w.write("1,2," + i + ",\"健保\"\n");
				}
			}
			catch (IOException e) {
				throw new IllegalStateException(e);
			}
		});
		check.start();
		StringBuilder read = new StringBuilder();
		Reader r = pipe.reader();
		char[] buffer = new char[5000];
		int n;
		while ((n = r.read(buffer)) >= 0) {
			read.append(buffer, 0, n);
		}
		check.join();
		assertThat(r.read(buffer)).isEqualTo(-1);
		String[] lines = read.toString().split("\n");
		assertThat(lines).hasSize(rows);
		assertThat(lines[rows - 1]).isEqualTo("1,2," + (rows - 1) + ",\"健保\"");
	}

	@Test
	void anAbandonedPipeReleasesACheckThatWaitsForTheCopy() throws Exception {
		CopyPipe pipe = new CopyPipe();
		AtomicReference<Throwable> failed = new AtomicReference<>();
		Thread check = new Thread(() -> {
			try (Writer w = pipe.writer()) {
				// nobody reads: the queue fills and the writer waits until the pipe is abandoned
				for (int i = 0; i < CopyPipe.CHUNKS * 4; i++) {
					w.write(new char[CopyPipe.CHUNK]);
				}
			}
			catch (Throwable e) {
				failed.set(e);
			}
		});
		check.start();
		// the writer waits on the full queue
		while (check.getState() != Thread.State.TIMED_WAITING) {
			Thread.onSpinWait();
		}
		pipe.abandon();
		check.join();
		assertThat(failed.get()).isNull();
	}
}
