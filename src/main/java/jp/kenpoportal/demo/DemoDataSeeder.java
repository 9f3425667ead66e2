package jp.kenpoportal.demo;

import jp.kenpoportal.account.Accounts;
import jp.kenpoportal.member.Member;
import jp.kenpoportal.member.MemberDirectory;
import jp.kenpoportal.member.NewMember;
import jp.kenpoportal.tenant.Kenpo;
import jp.kenpoportal.tenant.KenpoDirectory;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Seeds the demo kenpo once (profile {@code demo}); a kenpo that exists is left as it is. */
@Component
@Profile("demo")
class DemoDataSeeder implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoDataSeeder.class);

	private final KenpoDirectory kenpos;

	private final MemberDirectory members;

	private final Accounts accounts;

	private final TransactionTemplate tx;

	DemoDataSeeder(KenpoDirectory kenpos, MemberDirectory members, Accounts accounts, TransactionTemplate tx) {
		this.kenpos = kenpos;
		this.members = members;
		this.accounts = accounts;
		this.tx = tx;
	}

	@Override
	public void run(ApplicationArguments args) {
		for (DemoData.DemoKenpo demo : DemoData.all()) {
			if (kenpos.findByCode(demo.kenpo().code()).isEmpty()) {
				tx.executeWithoutResult(status -> seed(demo));
				log.info("Seeded demo kenpo {} at http://{}:8080/", demo.kenpo().name(), demo.kenpo().host());
			}
		}
	}

	private void seed(DemoData.DemoKenpo demo) {
		Kenpo kenpo = kenpos.create(demo.kenpo());
		kenpos.publishTerms(kenpo.id(), kenpo.name() + " Webサービス利用規約", DemoTerms.text(kenpo.name()));
		for (DemoData.DemoHousehold household : demo.households()) {
			Member insured = null;
			for (NewMember m : household.members()) {
				Member saved = members.register(kenpo.id(), m);
				if (saved.insured()) {
					insured = saved;
				}
			}
			accounts.open(kenpo.id(), insured.id(), household.loginId(), household.temporaryLoginId(),
					household.initialPassword(), household.email());
		}
	}
}
