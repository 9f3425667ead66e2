package jp.kenpoportal.account;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.management.JMException;
import javax.management.ObjectName;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps Bouncy Castle's Argon2 on its fast JIT path in every JVM that hashes, however it was started.
 * <p>
 * HotSpot's C2 sometimes refuses to inline the BLAKE2 round of {@code Argon2BytesGenerator} ("callee is
 * too large"), and then every hash costs up to twice as much for the life of the JVM (shared/STACK.md §12).
 * The JVM flag {@code -XX:CompileCommand=inline,…Argon2BytesGenerator*::*} prevents it, but a flag on the
 * command line is one an operator can forget. The same instruction as a compiler directive can be added
 * at run time through the JVM's own diagnostic command (what {@code jcmd Compiler.directives_add} does),
 * so the hasher adds it before its first hash: {@code java -jar}, {@code spring-boot:run}, the tests and
 * the benchmarks all get it. Where the JVM has no such command (not HotSpot) the portal runs as before,
 * only slower on some starts, and says so in the log.
 */
final class Argon2Inlining {

	private static final Logger log = LoggerFactory.getLogger(Argon2Inlining.class);

	/** Inline every Argon2BytesGenerator method (and its nested classes') into whatever C2 compiles. */
	static final String DIRECTIVE = """
			[{ match: "*.*", inline: "+org/bouncycastle/crypto/generators/Argon2BytesGenerator*.*" }]
			""";

	private static final String DIAGNOSTIC_COMMAND = "com.sun.management:type=DiagnosticCommand";

	private static boolean applied;

	private Argon2Inlining() {
	}

	/** Adds the directive once per JVM; later calls do nothing. */
	static synchronized void ensureApplied() {
		if (applied) {
			return;
		}
		applied = true;
		try {
			Path file = Files.createTempFile("kenpo-argon2-inline", ".json");
			try {
				Files.writeString(file, DIRECTIVE);
				Object result = diagnosticCommand("compilerDirectivesAdd", file.toString());
				log.info("Argon2 JIT inlining directive: {}", String.valueOf(result).trim());
			}
			finally {
				Files.deleteIfExists(file);
			}
		}
		catch (IOException | JMException | RuntimeException e) {
			log.warn("Argon2 JIT inlining directive not applied ({}); password hashing may be slower on this JVM",
					e.toString());
		}
	}

	/** What the JVM's compiler directives are now (as {@code jcmd Compiler.directives_print}). */
	static String printDirectives() throws JMException {
		return String.valueOf(diagnosticCommand("compilerDirectivesPrint"));
	}

	private static Object diagnosticCommand(String operation, String... arguments) throws JMException {
		return ManagementFactory.getPlatformMBeanServer()
			.invoke(new ObjectName(DIAGNOSTIC_COMMAND), operation, new Object[] { arguments },
					new String[] { String[].class.getName() });
	}
}
