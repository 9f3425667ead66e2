package jp.kenpoportal.tenant;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** What it takes to register a kenpo. */
public record NewKenpo(String code, String host, String name, String insurerNumber, String contactEmail,
		String contactPhone, int symbolDigits, int numberDigits, Instant initialPasswordDeadline,
		Set<SecondFactor> allowedFactors, SecondFactor recommendedFactor, PasswordRules passwordRules,
		List<String> enabledServices) {
}
