package jp.kenpoportal.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the request threads' time went, from the CPU samples ({@code jdk.ExecutionSample}) of a Flight
 * Recording: each sample charged to the component of its innermost frame outside the JDK (a HashMap look-up
 * inside Thymeleaf counts as Thymeleaf), the share of samples inside a few operations of interest, and the
 * busiest methods. The recording stays beside it for {@code jfr print} / {@code jfr view}.
 */
final class BenchmarkProfile {

	/** Package prefix → component, first match wins. */
	private static final List<String[]> COMPONENTS = List.of(
			new String[] { "org.thymeleaf.", "Thymeleaf" }, new String[] { "org.attoparser.", "Thymeleaf" },
			new String[] { "org.unbescape.", "Thymeleaf" },
			new String[] { "org.springframework.expression.", "SpEL (template expressions)" },
			new String[] { "org.postgresql.", "JDBC driver and pool" }, new String[] { "com.zaxxer.hikari.", "JDBC driver and pool" },
			new String[] { "org.springframework.jdbc.", "Spring JDBC" },
			new String[] { "org.springframework.transaction.", "Spring JDBC" },
			new String[] { "org.springframework.session.", "Spring Session" },
			new String[] { "org.springframework.security.", "Spring Security" },
			new String[] { "org.springframework.web.", "Spring MVC" },
			new String[] { "org.springframework.http.", "Spring MVC" },
			new String[] { "org.springframework.boot.", "Spring core" },
			new String[] { "org.springframework.", "Spring core" },
			new String[] { "org.apache.catalina.", "Tomcat" }, new String[] { "org.apache.coyote.", "Tomcat" },
			new String[] { "org.apache.tomcat.", "Tomcat" },
			new String[] { "jp.kenpoportal.", "portal code" },
			new String[] { "ch.qos.logback.", "logging" }, new String[] { "org.slf4j.", "logging" });

	/** Operations of interest: a sample counts if any of its frames starts with one of the prefixes. */
	private static final Map<String, List<String>> OPERATIONS = new LinkedHashMap<>();

	static {
		OPERATIONS.put("Thymeleaf rendering", List.of("org.thymeleaf.TemplateEngine.process"));
		OPERATIONS.put("JDBC statements (JdbcTemplate, up to the mapped result)",
				List.of("org.springframework.jdbc.core.JdbcTemplate."));
		OPERATIONS.put("Spring Session JDBC repository (load, save)", List.of("org.springframework.session.jdbc."));
		OPERATIONS.put("Java (de)serialization (session attributes)",
				List.of("java.io.ObjectInputStream.", "java.io.ObjectOutputStream."));
		OPERATIONS.put("authorization: FactorRequirements (account look-up)",
				List.of("jp.kenpoportal.signin.internal.FactorRequirements."));
		OPERATIONS.put("LayoutModel (header of every page)", List.of("jp.kenpoportal.portal.LayoutModel."));
		OPERATIONS.put("controllers: HomeController, MedicalController",
				List.of("jp.kenpoportal.portal.HomeController.", "jp.kenpoportal.medical.MedicalController."));
		OPERATIONS.put("static resources (ResourceHttpRequestHandler)",
				List.of("org.springframework.web.servlet.resource.ResourceHttpRequestHandler.handleRequest"));
		OPERATIONS.put("socket reads and writes", List.of("sun.nio.ch."));
	}

	private BenchmarkProfile() {
	}

	/** {@code java -cp … BenchmarkProfile <file.jfr>…}: the summary of recordings made elsewhere (bench.jfr). */
	public static void main(String[] args) throws IOException {
		for (String file : args) {
			System.out.print(summarize(Path.of(file), file));
		}
	}

	/** The summary of one recording, the request threads' samples only; empty if there are none. */
	static String summarize(Path jfr, String title) throws IOException {
		Map<String, Integer> byComponent = new HashMap<>();
		Map<String, Integer> byMethod = new HashMap<>();
		Map<String, Integer> byOperation = new LinkedHashMap<>();
		OPERATIONS.keySet().forEach(k -> byOperation.put(k, 0));
		int samples = 0;
		try (RecordingFile file = new RecordingFile(jfr)) {
			while (file.hasMoreEvents()) {
				RecordedEvent event = file.readEvent();
				if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
					continue;
				}
				RecordedThread thread = event.getThread("sampledThread");
				String name = thread == null ? null : thread.getJavaName();
				if (name == null || !name.startsWith("http-nio")) {
					continue;
				}
				List<RecordedFrame> frames = event.getStackTrace().getFrames();
				if (frames.isEmpty()) {
					continue;
				}
				samples++;
				byMethod.merge(method(frames.get(0)), 1, Integer::sum);
				byComponent.merge(component(frames), 1, Integer::sum);
				for (Map.Entry<String, List<String>> op : OPERATIONS.entrySet()) {
					if (frames.stream().anyMatch(f -> op.getValue().stream().anyMatch(method(f)::startsWith))) {
						byOperation.merge(op.getKey(), 1, Integer::sum);
					}
				}
			}
		}
		if (samples == 0) {
			return "";
		}
		StringBuilder s = new StringBuilder();
		s.append(String.format(Locale.ROOT, "%n%s — %d CPU samples of the request threads (%s)%n", title, samples,
				jfr.getFileName()));
		s.append("  by component (innermost frame outside the JDK):\n");
		append(s, byComponent, samples, 12);
		s.append("  inside:\n");
		for (Map.Entry<String, Integer> e : byOperation.entrySet()) {
			s.append(String.format(Locale.ROOT, "    %5.1f %%  %s%n", 100.0 * e.getValue() / samples, e.getKey()));
		}
		s.append("  busiest methods (self):\n");
		append(s, byMethod, samples, 12);
		return s.toString();
	}

	private static void append(StringBuilder s, Map<String, Integer> counts, int samples, int limit) {
		counts.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
			.limit(limit)
			.forEach(e -> s.append(String.format(Locale.ROOT, "    %5.1f %%  %s%n", 100.0 * e.getValue() / samples,
					e.getKey())));
	}

	private static String method(RecordedFrame frame) {
		return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
	}

	private static String component(List<RecordedFrame> frames) {
		for (RecordedFrame frame : frames) {
			String type = frame.getMethod().getType().getName();
			if (type.startsWith("java.") || type.startsWith("jdk.") || type.startsWith("sun.")
					|| type.startsWith("com.sun.")) {
				continue;
			}
			for (String[] c : COMPONENTS) {
				if (type.startsWith(c[0])) {
					return c[1];
				}
			}
			String[] parts = type.split("\\.");
			return parts.length > 2 ? parts[0] + "." + parts[1] + "." + parts[2] : type;
		}
		String leaf = frames.get(0).getMethod().getType().getName();
		return leaf.startsWith("sun.nio.ch.") || leaf.startsWith("java.net.") ? "JDK (sockets)" : "JDK";
	}
}
