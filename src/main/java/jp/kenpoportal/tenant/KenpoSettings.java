package jp.kenpoportal.tenant;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The settings a kenpo's 管理者 changes in the console, written whole by
 * {@link KenpoDirectory#updateSettings}.
 *
 * @param contactEmail where members write when they are locked out
 * @param contactPhone optional phone number, null when none
 * @param initialPasswordDeadline after this, initial passwords stop working
 * @param allowedFactors second factors members may enrol
 * @param recommendedFactor one of the allowed factors, marked as recommended
 * @param passwordRules the password policy
 * @param enabledServices codes of the services members see
 * @param links link tiles, in the order shown
 * @param publicationDay day of the month (1–28) on which new data is published
 * @param accessMonthsAfterLoss months after the insured's 資格喪失日 that the account keeps signing
 * in (0: it ends on that day)
 */
public record KenpoSettings(String contactEmail, String contactPhone, Instant initialPasswordDeadline,
		Set<SecondFactor> allowedFactors, SecondFactor recommendedFactor, PasswordRules passwordRules,
		List<String> enabledServices, List<ExternalLink> links, int publicationDay, int accessMonthsAfterLoss) {

	/** The longest access after loss of qualification a kenpo may give. */
	public static final int MAX_ACCESS_MONTHS_AFTER_LOSS = 24;

	public KenpoSettings {
		allowedFactors = Set.copyOf(allowedFactors);
		enabledServices = List.copyOf(enabledServices);
		links = List.copyOf(links);
	}

	/**
	 * Refuses settings a kenpo must not be given (checked on writing only: settings stored
	 * before these rules, or changed by other means, must still be readable to be corrected).
	 */
	public KenpoSettings requireValid() {
		if (!allowedFactors.contains(recommendedFactor)) {
			throw new IllegalArgumentException("the recommended factor must be allowed");
		}
		if (allowedFactors.isEmpty() || passwordRules.minLength() < 8
				|| passwordRules.minLength() > passwordRules.maxLength() || publicationDay < 1 || publicationDay > 28
				|| accessMonthsAfterLoss < 0 || accessMonthsAfterLoss > MAX_ACCESS_MONTHS_AFTER_LOSS) {
			throw new IllegalArgumentException("settings out of range");
		}
		return this;
	}
}
