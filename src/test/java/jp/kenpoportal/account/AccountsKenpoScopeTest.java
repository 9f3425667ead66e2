package jp.kenpoportal.account;

import java.util.List;
import java.util.function.Consumer;

import jp.kenpoportal.support.PortalTest;
import jp.kenpoportal.support.TestMembers;
import jp.kenpoportal.support.TestMembers.TestMember;
import jp.kenpoportal.tenant.SecondFactor;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Every statement on an account names its kenpo as well as its ID: called with another
 * kenpo's ID, no change reaches the account, whatever the method.
 */
@PortalTest
class AccountsKenpoScopeTest {

	@Autowired
	Accounts accounts;

	@Autowired
	TestMembers members;

	@Test
	void whenAnAccountIsNamedWithAnotherKenpoThenNoStatementChangesIt() {
		TestMember member = members.newMember("sakura");
		TestMember stranger = members.newMember("aoba");
		long otherKenpo = stranger.kenpo().id();
		long id = member.accountId();
		accounts.registerFailure(member.kenpo().id(), id);
		accounts.lockRow(member.kenpo().id(), id);
		Account before = accounts.find(member.kenpo().id(), id).orElseThrow();

		List<Consumer<Long>> changes = List.of(kenpo -> accounts.registerFailure(kenpo, id),
				kenpo -> accounts.clearFailures(kenpo, id),
				kenpo -> accounts.switchSecondFactor(kenpo, id, SecondFactor.TOTP), kenpo -> accounts.unlock(kenpo, id),
				kenpo -> accounts.unlockByPasswordReset(kenpo, id), kenpo -> accounts.confirmBirthDate(kenpo, id),
				kenpo -> accounts.acceptTerms(kenpo, id, 99), kenpo -> accounts.verifyEmail(kenpo, id, "x@example.com"),
				kenpo -> accounts.chooseLoginIdAndFactor(kenpo, id, "someone.else", SecondFactor.TOTP),
				kenpo -> accounts.changePassword(kenpo, id, "Another-Long-Passphrase-42"),
				kenpo -> accounts.completeOnboarding(kenpo, id, SecondFactor.TOTP),
				kenpo -> accounts.setPublicationMail(kenpo, id, !before.publicationMail()));
		for (Consumer<Long> change : changes) {
			catchThrowable(() -> change.accept(otherKenpo));
		}

		assertThat(accounts.find(member.kenpo().id(), id)).contains(before);
		assertThat(accounts.find(otherKenpo, id)).isEmpty();
		assertThat(accounts.isInitialPassword(member.kenpo().id(), id, member.initialPassword())).isTrue();
	}
}
