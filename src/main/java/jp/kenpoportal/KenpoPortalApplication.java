package jp.kenpoportal;

import java.time.Clock;

import jp.kenpoportal.operations.DatabaseAlignedClock;

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
