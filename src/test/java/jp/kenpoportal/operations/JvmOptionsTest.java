package jp.kenpoportal.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * A portal started without the heap cap and collector replaces itself by a JVM with them, in the same process
 * (README, "Memory and start"; issue 14: no start line may depend on a flag a user can forget).
 */
class JvmOptionsTest {

	@Test
	void aJvmStartedWithoutTheOptionsRunsOnWithThemUnderTheSameProcessId() throws Exception {
		Process process = start(List.of());
		String out = output(process);
		assertThat(out).contains("pid=" + process.pid() + " ")
			.contains("-XX:+UseSerialGC", "-Xmx256m", "-Dportal.jvm-options=applied")
			.contains("gc=Copy,MarkSweepCompact")
			.contains("args=one two")
			.contains("maxHeapMib=24");
		assertThat(process.exitValue()).isZero();
	}

	@Test
	void theUsersOwnOptionsWinAndTheirCollectorReplacesOurs() throws Exception {
		Process process = start(List.of("-XX:+UseG1GC", "-Xmx300m"));
		String out = output(process);
		assertThat(out).contains("pid=" + process.pid() + " ")
			.contains("-Dportal.jvm-options=applied")
			.doesNotContain("-XX:+UseSerialGC")
			.contains("gc=G1 Young Generation,G1 Old Generation")
			.contains("maxHeapMib=300");
	}

	@Test
	void startedWithTheMarkerItRunsAsStarted() throws Exception {
		Process process = start(List.of("-Dportal.jvm-options=applied"));
		assertThat(output(process)).doesNotContain("-XX:+UseSerialGC").doesNotContain("-Xmx256m");
	}

	@Test
	void theCommandKeepsTheClasspathTheMainClassAndTheArguments() {
		List<String> command = JvmOptions.command(Relaunched.class, new String[] { "--server.port=0" });
		List<String> user = ManagementFactory.getRuntimeMXBean().getInputArguments();
		assertThat(command.get(0)).endsWith("/bin/java");
		assertThat(command.indexOf(JvmOptions.MARKER)).isGreaterThan(command.indexOf("-Xmx256m"));
		if (!user.isEmpty()) {
			assertThat(command.indexOf(user.get(0))).isGreaterThan(command.indexOf(JvmOptions.MARKER));
		}
		assertThat(command.subList(command.size() - 2, command.size())).containsExactly(Relaunched.class.getName(),
				"--server.port=0");
	}

	private static Process start(List<String> options) throws IOException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(options);
		command.add("-cp");
		command.add(System.getProperty("java.class.path"));
		command.add(Relaunched.class.getName());
		command.add("one");
		command.add("two");
		return new ProcessBuilder(command).redirectErrorStream(true).start();
	}

	private static String output(Process process) throws Exception {
		String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		return out;
	}

	/** A main as the portal's: the options first, then says what it runs with. */
	public static final class Relaunched {

		public static void main(String[] args) {
			JvmOptions.apply(Relaunched.class, args);
			System.out.println("pid=" + ProcessHandle.current().pid() + " options="
					+ ManagementFactory.getRuntimeMXBean().getInputArguments() + " gc="
					+ String.join(",", ManagementFactory.getGarbageCollectorMXBeans().stream().map(b -> b.getName()).toList())
					+ " maxHeapMib=" + (Runtime.getRuntime().maxMemory() >> 20) + " args=" + String.join(" ", args));
		}
	}
}
