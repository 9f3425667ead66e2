package jp.kenpoportal.demo;

import jp.kenpoportal.member.Household;
import jp.kenpoportal.member.Member;
import jp.kenpoportal.member.MemberDirectory;
import jp.kenpoportal.support.PortalTest;
import jp.kenpoportal.tenant.Kenpo;
import jp.kenpoportal.tenant.KenpoDirectory;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** What the demo roster shows of the kenpo's own decisions (README, demo section). */
@PortalTest
class DemoRosterTest {

	@Autowired
	KenpoDirectory kenpos;

	@Autowired
	MemberDirectory roster;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	jp.kenpoportal.benefit.BenefitDecisions benefits;

	@Test
	void theDemoHasAWorkingMemberOverSeventyAtThreeTenthsAndADependantHiddenFromTheHousehold() {
		Kenpo sakura = kenpos.findByCode("sakura").orElseThrow();

		Household kimura = household(sakura, "3456");
		assertThat(kimura.members()).extracting(Member::name, Member::burdenRatio)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("木村 正", 3), org.assertj.core.groups.Tuple.tuple("木村 和子", 3));
		assertThat(kimura.insured().birthDate().getYear()).isEqualTo(1954);

		Household yamada = household(sakura, "1234");
		assertThat(yamada.members()).extracting(Member::name).contains("山田 彩花");
		assertThat(yamada.shownToInsured().members()).extracting(Member::name)
			.containsExactly("山田 太郎", "山田 花子", "山田 一郎");
		// a 世帯合算 for the three adults, the hidden daughter among them
		assertThat(benefits.published(yamada, java.time.Instant.parse("9999-01-01T00:00:00Z")))
			.anySatisfy(d -> assertThat(d.coveredMemberIds()).hasSize(3)
				.contains(yamada.byBranch("03").orElseThrow().id()));
		assertThat(sakura.accessMonthsAfterLoss()).isEqualTo(24);
		assertThat(kenpos.findByCode("aoba").orElseThrow().accessMonthsAfterLoss()).isZero();
	}

	private Household household(Kenpo kenpo, String number) {
		long insured = jdbc.sql("select id from member where kenpo_id = ? and symbol = '10' and number = ? and branch = '00'")
			.params(kenpo.id(), number)
			.query(Long.class)
			.single();
		return roster.householdOf(kenpo.id(), insured).orElseThrow();
	}
}
