package jp.kenpoportal.signin.onboarding;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jp.kenpoportal.account.Account;
import jp.kenpoportal.tenant.Kenpo;

import org.springframework.stereotype.Component;

/**
 * The first registration as an ordered list of steps. Adding or reordering a step is a
 * change to {@link #ORDER} alone.
 */
@Component
public class OnboardingSteps {

	static final List<Class<? extends OnboardingStep>> ORDER = List.of(BirthDateStep.class, TermsStep.class,
			EmailStep.class, UserIdAndFactorStep.class, PasswordStep.class, FactorEnrolmentStep.class);

	private final List<OnboardingStep> steps;

	OnboardingSteps(List<OnboardingStep> steps) {
		this.steps = steps.stream()
			.sorted(Comparator.comparingInt(s -> ORDER.indexOf(userClass(s))))
			.toList();
		if (this.steps.size() != ORDER.size()) {
			throw new IllegalStateException("onboarding steps and their order differ: " + this.steps);
		}
	}

	public Optional<OnboardingStep> firstPending(Account account, Kenpo kenpo) {
		return steps.stream().filter(s -> s.isPending(account, kenpo)).findFirst();
	}

	/** 1-based position of a step, for the progress shown to the member. */
	int positionOf(OnboardingStep step) {
		return steps.indexOf(step) + 1;
	}

	int count() {
		return steps.size();
	}

	private static Class<?> userClass(OnboardingStep step) {
		return org.springframework.util.ClassUtils.getUserClass(step);
	}
}
