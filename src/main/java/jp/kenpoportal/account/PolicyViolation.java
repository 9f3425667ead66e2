package jp.kenpoportal.account;

import java.util.Arrays;
import java.util.Objects;

import org.springframework.context.MessageSourceResolvable;

/**
 * One password rule, either as described to the member or as broken by a password: a message key
 * of {@code i18n/password*.properties} and its {@link java.text.MessageFormat} arguments.
 * Being a {@link MessageSourceResolvable}, it can be handed to a {@code MessageSource} or to
 * Thymeleaf's {@code #messages} as it is. The arguments never contain the password.
 */
public record PolicyViolation(String messageKey, Object... args) implements MessageSourceResolvable {

	public PolicyViolation {
		Objects.requireNonNull(messageKey, "messageKey");
		args = args == null ? new Object[0] : args.clone();
	}

	@Override
	public Object[] args() {
		return args.clone();
	}

	@Override
	public String[] getCodes() {
		return new String[] { messageKey };
	}

	@Override
	public Object[] getArguments() {
		return args();
	}

	// A record compares arrays by identity; violations are values, so compare the arguments' contents.
	@Override
	public boolean equals(Object other) {
		return other instanceof PolicyViolation that && messageKey.equals(that.messageKey)
				&& Arrays.deepEquals(args, that.args);
	}

	@Override
	public int hashCode() {
		return 31 * messageKey.hashCode() + Arrays.deepHashCode(args);
	}

	@Override
	public String toString() {
		return messageKey + Arrays.deepToString(args);
	}
}
