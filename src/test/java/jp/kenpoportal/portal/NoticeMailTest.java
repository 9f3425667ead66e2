package jp.kenpoportal.portal;

import java.time.Duration;
import java.util.List;

import jp.kenpoportal.support.Journeys;
import jp.kenpoportal.support.Mailbox;
import jp.kenpoportal.support.MutableClock;
import jp.kenpoportal.support.PortalTest;
import jp.kenpoportal.support.TestBrowser;
import jp.kenpoportal.support.TestMembers;
import jp.kenpoportal.support.TestMembers.TestMember;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The お知らせメール of a notice goes to its audience only, and only when staff asked for it. */
@PortalTest
class NoticeMailTest {

	@LocalServerPort
	int port;

	@Autowired
	TestMembers members;

	@Autowired
	Mailbox mailbox;

	@Autowired
	MutableClock clock;

	@Autowired
	Notices notices;

	@Autowired
	PublicationMails publicationMails;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void whenANoticeForOneEmployerComesOutThenOnlyItsMembersAreMailedAndANoticeWithoutAlertMailsNobody() {
		String code = "M" + System.nanoTime() % 1_000_000;
		TestMember there = onboarded(members.newMemberAt("sakura", code, "メール試験事業所"));
		TestMember elsewhere = onboarded(members.newMemberAt("sakura", code + "X", "別の事業所"));
		publicationMails.run();
		int thereBefore = mailbox.count(there.email());
		int elsewhereBefore = mailbox.count(elsewhere.email());
		long kenpo = there.kenpo().id();
		notices.create(kenpo, new NoticeDraft("事業所向け", "本文", clock.instant().plus(Duration.ofMinutes(5)), null,
				NoticeAudience.EMPLOYERS, List.of(code), true));
		notices.create(kenpo, new NoticeDraft("メールなし", "本文", clock.instant().plus(Duration.ofMinutes(5)), null,
				NoticeAudience.ALL, List.of(), false));

		clock.advance(Duration.ofMinutes(10));
		publicationMails.run();

		assertThat(mailbox.awaitMail(there.email(), thereBefore + 1).subject()).contains("お知らせ");
		assertThat(mailbox.count(elsewhere.email())).isEqualTo(elsewhereBefore);
	}

	private TestMember onboarded(TestMember member) {
		Journeys.onboard(new TestBrowser(port, member.host()), mailbox, member, "Notice-Mail-2026");
		return member;
	}
}
