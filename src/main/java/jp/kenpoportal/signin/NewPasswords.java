package jp.kenpoportal.signin;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jp.kenpoportal.account.Account;
import jp.kenpoportal.account.PasswordContext;
import jp.kenpoportal.account.PasswordPolicy;
import jp.kenpoportal.account.PolicyViolation;
import jp.kenpoportal.member.MemberDirectory;
import jp.kenpoportal.tenant.Kenpo;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * A new password as every form takes it (first registration, profile, reset): the kenpo's
 * rules shown before typing, and each broken rule named in Japanese.
 */
@Component
public class NewPasswords {

	private final PasswordPolicy policy;

	private final MemberDirectory members;

	private final MessageSource messages;

	NewPasswords(PasswordPolicy policy, MemberDirectory members, MessageSource messages) {
		this.policy = policy;
		this.members = members;
		this.messages = messages;
	}

	/** Puts the kenpo's rules (and the longest length) on the page. */
	public void describe(Kenpo kenpo, Model model) {
		model.addAttribute("rules", policy.describe(kenpo.passwordRules()).stream().map(this::text).toList());
		model.addAttribute("maxLength", kenpo.passwordRules().maxLength());
	}

	/** Every problem with a typed new password and its confirmation (both already normalised). */
	public List<String> problems(Kenpo kenpo, Account account, String typed, String confirmation) {
		List<String> problems = new ArrayList<>();
		if (typed.isEmpty()) {
			problems.add(text(new PolicyViolation("onboarding.password.error.required")));
			return problems;
		}
		PasswordContext context = new PasswordContext(account.loginId(),
				members.find(kenpo.id(), account.memberId()).map(m -> m.birthDate()).orElse(null), null);
		policy.check(kenpo.passwordRules(), typed, context).forEach(v -> problems.add(text(v)));
		if (!typed.equals(confirmation)) {
			problems.add(text(new PolicyViolation("onboarding.password.error.confirm")));
		}
		return problems;
	}

	public String text(PolicyViolation violation) {
		return messages.getMessage(violation.messageKey(), violation.args(), Locale.JAPANESE);
	}
}
