package jp.kenpoportal.account;

import java.util.List;
import java.util.Map;

import jp.kenpoportal.tenant.SecondFactor;

/**
 * A kenpo's registration figures on one day, counted over its insured persons who are insured
 * that day: in total, by 事業所, by age band ({@link RegistrationFigures#AGE_BANDS}), the second
 * factors of those registered, and the accounts locked now.
 */
public record RegistrationReport(RegistrationCounts total, List<EmployerCounts> byEmployer,
		List<RegistrationCounts> byAgeBand, Map<SecondFactor, Long> factors, long lockedTemporarily,
		long lockedUntilKenpoUnlocks) {
}
