package jp.kenpoportal.tenant;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * A health insurance society (健康保険組合), one tenant of the portal, with its settings.
 *
 * @param id primary key
 * @param code short name used in host names and configuration
 * @param host the host name members use; identifies the kenpo of a request
 * @param name display name
 * @param insurerNumber 保険者番号, 8 digits
 * @param contactEmail where members write when they are locked out or have no mail address
 * @param contactPhone optional phone number for the same
 * @param publicBaseUrl the public URL that links in mails start with
 * @param symbolDigits digits of 記号
 * @param numberDigits digits of 番号
 * @param initialPasswordDeadline after this, initial passwords stop working
 * @param allowedFactors second factors the kenpo allows
 * @param recommendedFactor the factor marked as recommended
 * @param passwordRules the password policy
 * @param enabledServices service tiles shown on home
 * @param links link tiles to the kenpo's services elsewhere, in the order shown
 * @param accessMonthsAfterLoss how many months after the insured's 資格喪失日 the account keeps
 * signing in (0: it ends on that day)
 * @param disabledAt when the operator stopped the kenpo's portal, null while it runs
 */
public record Kenpo(long id, String code, String host, String name, String insurerNumber, String contactEmail,
		String contactPhone, String publicBaseUrl, int symbolDigits, int numberDigits, Instant initialPasswordDeadline,
		Set<SecondFactor> allowedFactors, SecondFactor recommendedFactor, PasswordRules passwordRules,
		List<String> enabledServices, List<ExternalLink> links, int accessMonthsAfterLoss, Instant disabledAt) {

	/** A running kenpo. */
	public Kenpo(long id, String code, String host, String name, String insurerNumber, String contactEmail,
			String contactPhone, String publicBaseUrl, int symbolDigits, int numberDigits,
			Instant initialPasswordDeadline, Set<SecondFactor> allowedFactors, SecondFactor recommendedFactor,
			PasswordRules passwordRules, List<String> enabledServices, List<ExternalLink> links,
			int accessMonthsAfterLoss) {
		this(id, code, host, name, insurerNumber, contactEmail, contactPhone, publicBaseUrl, symbolDigits, numberDigits,
				initialPasswordDeadline, allowedFactors, recommendedFactor, passwordRules, enabledServices, links,
				accessMonthsAfterLoss, null);
	}

	/** A kenpo that ends access on the 資格喪失日. */
	public Kenpo(long id, String code, String host, String name, String insurerNumber, String contactEmail,
			String contactPhone, String publicBaseUrl, int symbolDigits, int numberDigits,
			Instant initialPasswordDeadline, Set<SecondFactor> allowedFactors, SecondFactor recommendedFactor,
			PasswordRules passwordRules, List<String> enabledServices, List<ExternalLink> links) {
		this(id, code, host, name, insurerNumber, contactEmail, contactPhone, publicBaseUrl, symbolDigits, numberDigits,
				initialPasswordDeadline, allowedFactors, recommendedFactor, passwordRules, enabledServices, links, 0);
	}

	/** Whether the operator stopped this kenpo's portal: members and its staff are refused. */
	public boolean disabled() {
		return disabledAt != null;
	}

	/** The first day an insured who lost the qualification on {@code lostOn} can no longer sign in. */
	public LocalDate accessEndsOn(LocalDate lostOn) {
		return lostOn.plusMonths(accessMonthsAfterLoss);
	}

	/** The factors offered to members: allowed by the kenpo and built in this portal. */
	public List<SecondFactor> offeredFactors() {
		return java.util.Arrays.stream(SecondFactor.values())
			.filter(f -> allowedFactors.contains(f) && f.available())
			.toList();
	}

	public boolean offers(SecondFactor factor) {
		return allowedFactors.contains(factor) && factor.available();
	}
}
