package jp.kenpoportal.signin;

import java.time.LocalDate;
import java.time.ZoneId;

import jp.kenpoportal.audit.AuditEntry;
import jp.kenpoportal.audit.AuditTrail;
import jp.kenpoportal.audit.AuditType;
import jp.kenpoportal.support.Journeys;
import jp.kenpoportal.support.Mailbox;
import jp.kenpoportal.support.MutableClock;
import jp.kenpoportal.support.PortalTest;
import jp.kenpoportal.support.TestBrowser;
import jp.kenpoportal.support.TestBrowser.Page;
import jp.kenpoportal.support.TestKenpos;
import jp.kenpoportal.support.TestMembers;
import jp.kenpoportal.support.TestMembers.TestMember;
import jp.kenpoportal.tenant.Kenpo;
import jp.kenpoportal.tenant.KenpoDirectory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Access after the insured lost the qualification (資格喪失日): as long as the kenpo's setting
 * says (none, or N months), then sign-in ends with a message naming the kenpo's contact, and
 * so does a session that was open; each refusal is audited.
 */
@PortalTest
class AccessAfterLossTest {

	private static final String MESSAGE = "資格を喪失された日から当組合の定める期間が過ぎたため";

	@LocalServerPort
	int port;

	@Autowired
	KenpoDirectory kenpos;

	@Autowired
	TestMembers members;

	@Autowired
	Mailbox mailbox;

	@Autowired
	AuditTrail audit;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	private Kenpo kenpo;

	private TestMember member;

	private TestBrowser browser;

	@BeforeEach
	void memberOfAKenpoOfItsOwn() {
		kenpo = TestKenpos.allFactors(kenpos);
		member = members.newMember(kenpo.code());
		browser = new TestBrowser(port, member.host());
	}

	@Test
	void whenTheKenpoKeepsNoAccessAndTheQualificationWasLostThenThePasswordSignInEndsWithTheContact() {
		kenpos.keepAccessAfterLoss(kenpo.id(), 0);
		lostOn(today());

		Page page = Journeys.signIn(browser, member.loginId(), member.initialPassword());

		assertThat(page.path()).isEqualTo("/login?accessEnded");
		assertThat(page.error()).contains(MESSAGE, "テスト健康保険組合", kenpo.contactEmail());
		assertThat(lastAudit().type()).isEqualTo(AuditType.SIGN_IN_ACCESS_ENDED);
		assertThat(lastAudit().detail()).isEqualTo("PASSWORD lost " + today());
		// a wrong password learns nothing of it: the one message for every refusal
		Page wrong = Journeys.signIn(browser, member.loginId(), "not-the-password");
		assertThat(wrong.error()).contains("無効なユーザIDまたはパスワードです。").doesNotContain(MESSAGE);
	}

	@Test
	void whenTheKenpoKeepsAccessForMonthsThenSignInWorksUntilTheyHavePassed() {
		kenpos.keepAccessAfterLoss(kenpo.id(), 3);
		lostOn(today().minusMonths(3).plusDays(1));
		Journeys.onboard(browser, mailbox, member, "Access-After-Loss-1");
		assertThat(browser.get("/").heading()).isEqualTo("ホーム");

		lostOn(today().minusMonths(3));
		Page refused = Journeys.signIn(new TestBrowser(port, member.host()), member.loginId(), "Access-After-Loss-1");

		assertThat(refused.path()).isEqualTo("/login?accessEnded");
		assertThat(refused.error()).contains(MESSAGE, kenpo.contactEmail());
	}

	@Test
	void whenAccessEndsWhileSignedInThenTheNextRequestSignsOutWithTheMessage() {
		kenpos.keepAccessAfterLoss(kenpo.id(), 0);
		Journeys.onboard(browser, mailbox, member, "Access-After-Loss-2");

		// the kenpo's roster now says the qualification was lost yesterday
		lostOn(today().minusDays(1));
		Page page = browser.get("/profile");

		assertThat(page.path()).isEqualTo("/login?accessEnded");
		assertThat(page.error()).contains(MESSAGE, kenpo.contactEmail());
		assertThat(lastAudit().detail()).isEqualTo("SESSION lost " + today().minusDays(1));
		assertThat(browser.get("/").path()).startsWith("/login");
	}

	private void lostOn(LocalDate day) {
		jdbc.sql("update member set lost_on = ? where kenpo_id = ? and id = ?")
			.params(java.sql.Date.valueOf(day), kenpo.id(), member.member().id())
			.update();
	}

	private LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), ZoneId.of("Asia/Tokyo"));
	}

	private AuditEntry lastAudit() {
		return audit.recent(kenpo.id(), member.accountId(), 1).get(0);
	}
}
