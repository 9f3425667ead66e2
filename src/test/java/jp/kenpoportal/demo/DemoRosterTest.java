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

	@Autowired
	jp.kenpoportal.account.Accounts accounts;

	@Autowired
	jp.kenpoportal.account.PasswordHasher hasher;

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

	@Test
	void theDemoDataCameThroughTheImportsAndItsAccountsStartWithTheirInitialPasswords() {
		// the demo's persons by kenpo (other tests add persons of their own to the demo kenpo)
		java.util.Map<String, Integer> persons = java.util.Map.of("sakura", 7, "aoba", 6, "kaede", 2, "tsubaki", 2);
		for (String code : java.util.List.of("sakura", "aoba", "kaede", "tsubaki")) {
			Kenpo kenpo = kenpos.findByCode(code).orElseThrow();
			assertThat(jdbc.sql("""
					select kind from import_job where kenpo_id = ? and state = 'APPLIED' and staff_id is null
					  and api_client_id is null order by kind""")
				.param(kenpo.id())
				.query(String.class)
				.list()).as(code).containsExactlyInAnyOrder("ACCOUNTS", "CLAIMS", "DECISIONS", "ROSTER");
			assertThat(jdbc.sql("select count(*) from member where kenpo_id = ? and person_key like 'D%'")
				.param(kenpo.id()).query(Long.class).single()).as(code + ": every person has the roster's key")
				.isEqualTo(persons.get(code).longValue());
			assertThat(jdbc.sql("select count(*) from medical_claim where kenpo_id = ?").param(kenpo.id())
				.query(Long.class).single()).as(code + " claims").isGreaterThan(20);
			assertThat(jdbc.sql("select count(*) from benefit_decision where kenpo_id = ?").param(kenpo.id())
				.query(Long.class).single()).as(code + " decisions").isPositive();
		}
		Kenpo sakura = kenpos.findByCode("sakura").orElseThrow();
		assertThat(jdbc.sql("""
				select a.login_id || ' ' || coalesce(a.email, '-') || ' ' || a.login_id_temporary from account a
				where a.kenpo_id = ? order by a.login_id""")
			.param(sakura.id())
			.query(String.class)
			.list()).contains("kimura.t tadashi.kimura@example.com false", "sato.kenji - false",
					"yamada.taro taro.yamada@example.com false");
		assertThat(accounts.findByLoginId(sakura.id(), "yamada.taro").orElseThrow().onboarded()).isFalse();
		assertThat(hasher.matches("10123419790822", initialHash(sakura, "yamada.taro"))).isTrue();
		Kenpo aoba = kenpos.findByCode("aoba").orElseThrow();
		assertThat(hasher.matches("Aoba2026start", initialHash(aoba, "k7mq2x9wpa"))).isTrue();
		assertThat(jdbc.sql("select login_id_temporary from account where kenpo_id = ? and login_id = 'k7mq2x9wpa'")
			.param(aoba.id()).query(Boolean.class).single()).isTrue();
	}

	private String initialHash(Kenpo kenpo, String loginId) {
		return jdbc.sql("select initial_password_hash from account where kenpo_id = ? and login_id = ?")
			.params(kenpo.id(), loginId)
			.query(String.class)
			.single();
	}

	private Household household(Kenpo kenpo, String number) {
		long insured = jdbc.sql("select id from member where kenpo_id = ? and symbol = '10' and number = ? and branch = '00'")
			.params(kenpo.id(), number)
			.query(Long.class)
			.single();
		return roster.householdOf(kenpo.id(), insured).orElseThrow();
	}
}
