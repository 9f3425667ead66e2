package jp.kenpoportal.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Map;

import jp.kenpoportal.bench.BenchmarkProcCpu.ThreadKind;

/** CPU time of the portal's JVM by thread kind, of its PostgreSQL cluster, of this driver, of the machine. */
final class BenchmarkCpuMeter {

	private final long serverPid;

	private final Path pgData;

	BenchmarkCpuMeter(long serverPid, Path pgData) {
		this.serverPid = serverPid;
		this.pgData = pgData;
	}

	Sample sample() throws IOException {
		double[] machine = BenchmarkProcCpu.machineMs();
		Map<ThreadKind, Double> jvm = BenchmarkProcCpu.threadsMs(serverPid);
		double pg = BenchmarkProcCpu.postgresMs(pgData);
		double driver = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime() / 1e6;
		return new Sample(jvm, BenchmarkProcCpu.processKernelMs(serverPid), pg, driver, machine[0], machine[1]);
	}

	/** Cumulative milliseconds of CPU at one moment. */
	record Sample(Map<ThreadKind, Double> jvm, double jvmKernelMs, double pgMs, double driverMs,
			double machineBusyMs, double machineTotalMs) {

		double jvmTotal() {
			return jvm.values().stream().mapToDouble(Double::doubleValue).sum();
		}
	}
}
