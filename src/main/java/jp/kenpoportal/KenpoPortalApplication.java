package jp.kenpoportal;

import java.time.Clock;

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

	/** Every class that needs the time takes this clock, so tests can move it. */
	@Bean
	Clock clock() {
		return Clock.systemDefaultZone();
	}
}
