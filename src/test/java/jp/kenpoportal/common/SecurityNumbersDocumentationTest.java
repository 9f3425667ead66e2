package jp.kenpoportal.common;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ASVS 5.0 6.1.1 asks for documentation of the defences against password guessing and credential
 * stuffing (rate limits, lockout), of how they are set, and of how malicious lockout is prevented:
 * README's list of the security numbers. This holds every number in it to the defaults of
 * {@link SecuritySettings}, so that changing one without the document fails the build.
 */
class SecurityNumbersDocumentationTest {

	@Test
	void theReadmeStatesTheLockoutAndRateLimitsAsConfiguredAndHowToSetThem() throws IOException {
		SecuritySettings s = new Binder(new MapConfigurationPropertySource()).bindOrCreate("portal.security",
				SecuritySettings.class);
		String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8).replaceAll("\\s+", " ");
		String numbers = readme.substring(readme.indexOf("Every security number"));

		assertThat(s.lockoutThreshold()).isEqualTo(5);
		assertThat(s.permanentLockThreshold()).isEqualTo(20);
		assertThat(numbers).contains("`common/SecuritySettings.java` and can be set as `portal.security.*`")
			.contains("five wrong passwords in a row lock an account for " + s.lockoutDuration().toMinutes()
					+ " minutes (doubling each time), twenty for good")
			// malicious lockout: the member unlocks the account alone
			.contains("the member does by パスワードを忘れた方")
			.contains("one client address may fail to sign in " + s.addressFailureCapacity() + " times in "
					+ s.addressFailureWindow().toMinutes() + " minutes")
			.contains("forgotten ID or password: " + s.recoveryPerAddress() + " requests an hour from one address, "
					+ s.recoveryPerTarget() + " about one mail address or user ID")
			.contains("codes sent again: " + s.resendsPerAccount() + " an hour per account, " + s.resendsPerAddress()
					+ " per address")
			.contains("downloads " + s.downloadsPerAccount() + " per " + s.downloadWindow().toMinutes()
					+ " minutes and receipt uploads " + s.uploadsPerAccount() + " an hour per account");
		assertThat(s.recoveryWindow().toHours()).isEqualTo(1);
		assertThat(s.resendWindow().toHours()).isEqualTo(1);
		assertThat(s.uploadWindow().toHours()).isEqualTo(1);
	}
}
