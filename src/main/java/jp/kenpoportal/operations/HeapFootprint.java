package jp.kenpoportal.operations;

import java.lang.management.ManagementFactory;
import java.util.Map;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the node's memory near what it uses, however the JVM was started (issue 14, "Memory and start").
 * <p>
 * With no heap flag, HotSpot on a machine with much RAM commits an initial heap of 1/64 of it and keeps
 * every region it once touched: the portal, under 100 MB of heap after a collection, sat at 540 MiB
 * resident after its first start on a 24 GB machine (408 MiB with this class; README, "Memory and start"). A flag such as {@code -Xmx} or {@code -XX:MaxHeapFreeRatio} is one an operator can
 * forget, but the heap's free ratios and G1's periodic collection are "manageable" options the JVM lets a
 * running program set (as {@code jcmd VM.set_flag} does). Once started, the portal sets them, unless the
 * command line already did, and collects once, so G1 gives back what start-up touched; when idle, G1's
 * periodic collection gives back what a busy hour left. Under load nothing changes: G1 still grows the heap
 * as its pause goals need.
 */
@Component
class HeapFootprint {

	private static final Logger log = LoggerFactory.getLogger(HeapFootprint.class);

	/** Manageable options and the values the portal runs with (ratios in %; interval in ms of no collection). */
	static final Map<String, String> OPTIONS = Map.of("MinHeapFreeRatio", "10", "MaxHeapFreeRatio", "25",
			"G1PeriodicGCInterval", "60000");

	@EventListener(ApplicationReadyEvent.class)
	void started() {
		StringBuilder set = new StringBuilder();
		try {
			HotSpotDiagnosticMXBean hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
			// MinHeapFreeRatio first: the JVM refuses a MaxHeapFreeRatio below the current minimum
			for (String name : new String[] { "MinHeapFreeRatio", "MaxHeapFreeRatio", "G1PeriodicGCInterval" }) {
				VMOption option = hotspot.getVMOption(name);
				if (option.getOrigin() == VMOption.Origin.DEFAULT && option.isWriteable()) {
					hotspot.setVMOption(name, OPTIONS.get(name));
					set.append(set.isEmpty() ? "" : ", ").append(name).append('=').append(OPTIONS.get(name));
				}
			}
		}
		catch (RuntimeException e) {
			// not HotSpot, or an option it does not know: the JVM's own defaults stay
			log.info("Heap footprint options not set ({})", e.toString());
			return;
		}
		if (!set.isEmpty()) {
			// one collection now, so the regions start-up touched go back to the system
			System.gc();
			log.info("Heap footprint: {}; heap after start {} MB committed", set,
					ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted() >> 20);
		}
	}
}
