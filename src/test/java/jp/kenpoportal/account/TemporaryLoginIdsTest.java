package jp.kenpoportal.account;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** 仮ユーザID and 仮パスワード are typed from paper: valid IDs, no look-alike characters. */
class TemporaryLoginIdsTest {

	@Test
	void whenManyAreMadeThenEachIsAValidUserIdWithoutLookAlikesAndTheyDiffer() {
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < 2000; i++) {
			String id = TemporaryLoginIds.next();
			assertThat(LoginIdFormat.validLength(id)).isTrue();
			assertThat(LoginIdFormat.invalidCharacters(id)).isEmpty();
			assertThat(id).matches("[a-z][a-z2-9]{9}").doesNotContainPattern("[01ilo]");
			seen.add(id);
			assertThat(TemporaryPasswords.next()).hasSize(12).doesNotContainPattern("[0O1lI]").containsPattern("[2-9]");
		}
		assertThat(seen).hasSize(2000);
	}
}
