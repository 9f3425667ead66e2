package jp.kenpoportal;

import java.time.Clock;

import jp.kenpoportal.operations.DatabaseAlignedClock;
import jp.kenpoportal.operations.JvmOptions;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class KenpoPortalApplication {

	public static void main(String[] args) {
		// the heap cap and collector are start-up options: started without them, the JVM replaces itself by
		// one with them before anything else starts (README, "Memory and start")
		JvmOptions.apply(KenpoPortalApplication.class, args);
		SpringApplication.run(KenpoPortalApplication.class, args);
	}

	/**
	 * Every class that needs the time takes this clock, so tests can move it: the machine's,
	 * corrected to PostgreSQL's when the two differ, so that every node goes by the same time.
	 */
	@Bean
	DatabaseAlignedClock clock() {
		return new DatabaseAlignedClock(Clock.systemDefaultZone());
	}
}
