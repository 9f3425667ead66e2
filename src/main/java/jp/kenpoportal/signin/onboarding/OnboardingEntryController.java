package jp.kenpoportal.signin.onboarding;

import java.util.Map;
import java.util.Optional;

import jp.kenpoportal.signin.SignedInAccount;
import jp.kenpoportal.tenant.CurrentKenpo;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/** The single entry point: sends the member to the first pending step, or home when none. */
@Controller
class OnboardingEntryController {

	private final SignedInAccount signedIn;

	private final OnboardingSteps steps;

	OnboardingEntryController(SignedInAccount signedIn, OnboardingSteps steps) {
		this.signedIn = signedIn;
		this.steps = steps;
	}

	@GetMapping("/onboarding")
	String next() {
		return "redirect:" + currentPath().orElse("/");
	}

	/** Polled by the mail-confirmation page, so it moves on by itself once the link is opened. */
	@GetMapping(path = "/onboarding/status", produces = "application/json")
	@ResponseBody
	Map<String, String> status() {
		return Map.of("step", currentPath().orElse("/"));
	}

	private Optional<String> currentPath() {
		var kenpo = CurrentKenpo.get();
		return signedIn.find().flatMap(account -> steps.firstPending(account, kenpo)).map(OnboardingStep::path);
	}
}
