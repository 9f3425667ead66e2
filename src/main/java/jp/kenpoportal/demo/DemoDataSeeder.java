package jp.kenpoportal.demo;

import java.time.Clock;
import java.time.Instant;

import jp.kenpoportal.account.Account;
import jp.kenpoportal.account.Accounts;
import jp.kenpoportal.benefit.BenefitDecisions;
import jp.kenpoportal.medical.MedicalExpenses;
import jp.kenpoportal.member.Member;
import jp.kenpoportal.member.MemberDirectory;
import jp.kenpoportal.member.NewMember;
import jp.kenpoportal.portal.Notices;
import jp.kenpoportal.tenant.Kenpo;
import jp.kenpoportal.tenant.KenpoDirectory;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seeds the demo kenpo once (profile {@code demo}); a kenpo that exists is left as it is. The
 * service data (claims, benefits, お知らせ, links) comes once per kenpo too, also into a demo
 * database made before the services existed.
 */
@Component
@Profile("demo")
class DemoDataSeeder implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoDataSeeder.class);

	private static final Instant END_OF_TIME = Instant.parse("9999-12-31T00:00:00Z");

	private final KenpoDirectory kenpos;

	private final MemberDirectory members;

	private final Accounts accounts;

	private final MedicalExpenses medical;

	private final BenefitDecisions benefits;

	private final Notices notices;

	private final TransactionTemplate tx;

	private final Clock clock;

	private final Environment environment;

	DemoDataSeeder(KenpoDirectory kenpos, MemberDirectory members, Accounts accounts, MedicalExpenses medical,
			BenefitDecisions benefits, Notices notices, TransactionTemplate tx, Clock clock, Environment environment) {
		this.environment = environment;
		this.kenpos = kenpos;
		this.members = members;
		this.accounts = accounts;
		this.medical = medical;
		this.benefits = benefits;
		this.notices = notices;
		this.tx = tx;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		for (DemoData.DemoKenpo demo : DemoData.all()) {
			if (kenpos.findByCode(demo.kenpo().code()).isEmpty()) {
				tx.executeWithoutResult(status -> seed(demo));
				log.info("Seeded demo kenpo {}", demo.kenpo().name());
			}
			Kenpo kenpo = kenpos.findByCode(demo.kenpo().code()).orElseThrow();
			tx.executeWithoutResult(status -> seedServices(kenpo));
			log.info("Demo kenpo {} at {} (links in mails: {})", kenpo.name(), localUrl(kenpo.host(), environment),
					kenpo.publicBaseUrl());
		}
	}

	/**
	 * Where this process answers for the kenpo: the port the server really listens on (runners
	 * run once it has started), which {@code PORT} or {@code --server.port} may have changed.
	 */
	static String localUrl(String host, Environment environment) {
		return "http://" + host + ":" + environment.getProperty("local.server.port", "8080") + "/";
	}

	private void seed(DemoData.DemoKenpo demo) {
		Kenpo kenpo = kenpos.create(demo.kenpo());
		kenpos.keepAccessAfterLoss(kenpo.id(), DemoData.accessMonthsAfterLoss(kenpo.code()));
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

	/** Claims, benefits, お知らせ and links of every household, unless the kenpo has claims already. */
	private void seedServices(Kenpo kenpo) {
		if (medical.newestPublishedMonth(kenpo.id(), END_OF_TIME).isPresent()) {
			return;
		}
		Instant now = clock.instant();
		for (Account account : accounts.findAll(kenpo.id())) {
			members.householdOf(kenpo.id(), account.memberId())
				.ifPresent(household -> new DemoServiceData(medical, benefits, kenpo, household, now).seed());
		}
		DemoNotices.seed(notices, kenpo, now);
		DemoNotices.seedLinks(kenpos, kenpo);
		log.info("Seeded demo claims, benefits and notices of {}", kenpo.name());
	}
}
