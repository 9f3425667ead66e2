package jp.kenpoportal.browser;

import java.time.LocalDate;
import java.time.ZoneId;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.WaitForSelectorState;
import jp.kenpoportal.audit.AuditEntry;
import jp.kenpoportal.audit.AuditTrail;
import jp.kenpoportal.audit.AuditType;
import jp.kenpoportal.support.MutableClock;
import jp.kenpoportal.support.PortalTest;
import jp.kenpoportal.support.TestKenpos;
import jp.kenpoportal.support.TestMembers.TestMember;
import jp.kenpoportal.tenant.Kenpo;
import jp.kenpoportal.tenant.KenpoDirectory;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The passkey alone signs no one in whose access ended after the loss of qualification. */
@PortalTest
class AccessAfterLossBrowserTest extends BrowserTestSupport {

	@Autowired
	private KenpoDirectory kenpos;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private AuditTrail audit;

	@Autowired
	private MutableClock clock;

	@Test
	void whenAccessHasEndedThenThePasskeyAloneIsRefusedWithTheKenposContact() {
		Kenpo kenpo = TestKenpos.allFactors(kenpos);
		kenpos.keepAccessAfterLoss(kenpo.id(), 0);
		TestMember member = members.newMember(kenpo.code());
		Page page = newTab();
		VirtualAuthenticator.addTo(page);
		registerUntilFactorChoice(page, member);
		chooseFactorAndSetPassword(page, member, "PASSKEY", "Access-Ended-2026");
		press(page, "パスキーを登録する");
		assertHome(page, member);
		logOut(page, member);

		LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneId.of("Asia/Tokyo"));
		jdbc.sql("update member set lost_on = ? where kenpo_id = ? and id = ?")
			.params(java.sql.Date.valueOf(today), kenpo.id(), member.member().id())
			.update();
		// refused: no page to go to, the message shows beside the button
		button(page, "パスキーでログイン").click();

		Locator error = page.locator("[data-passkey-error]");
		error.waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.VISIBLE));
		assertThat(error.innerText()).contains("資格を喪失された日から当組合の定める期間が過ぎたため", kenpo.contactEmail());
		assertThat(path(page)).isEqualTo("/login");
		assertAccessible(page);
		AuditEntry last = audit.recent(kenpo.id(), member.accountId(), 1).get(0);
		assertThat(last.type()).isEqualTo(AuditType.SIGN_IN_ACCESS_ENDED);
		assertThat(last.detail()).isEqualTo("PASSKEY lost " + today);
	}
}
