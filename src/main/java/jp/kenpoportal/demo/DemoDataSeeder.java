package jp.kenpoportal.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import jp.kenpoportal.account.Account;
import jp.kenpoportal.account.Accounts;
import jp.kenpoportal.admin.imports.SystemImports;
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
 * Seeds the demo kenpo once (profile {@code demo}); a kenpo that exists is left as it is. Its
 * members, their existing web accounts, claims and benefit decisions come as the kenpo's core
 * system delivers them: CSV files ({@link DemoFiles}) loaded through the imports (issue 11), the
 * roster applied as the system's own. Only what no import carries is written directly: the
 * kenpo, its terms, a 仮ユーザID account with its letter's password, お知らせ and links. The
 * service data comes once per kenpo too, also into a demo database made before the services
 * existed (the roster import then gives its members their person keys).
 */
@Component
@Profile("demo")
class DemoDataSeeder implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoDataSeeder.class);

	private static final Instant END_OF_TIME = Instant.parse("9999-12-31T00:00:00Z");

	private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

	private final KenpoDirectory kenpos;

	private final MemberDirectory members;

	private final Accounts accounts;

	private final MedicalExpenses medical;

	private final SystemImports imports;

	private final Notices notices;

	private final TransactionTemplate tx;

	private final Clock clock;

	private final Environment environment;

	DemoDataSeeder(KenpoDirectory kenpos, MemberDirectory members, Accounts accounts, MedicalExpenses medical,
			SystemImports imports, Notices notices, TransactionTemplate tx, Clock clock, Environment environment) {
		this.environment = environment;
		this.kenpos = kenpos;
		this.members = members;
		this.accounts = accounts;
		this.medical = medical;
		this.imports = imports;
		this.notices = notices;
		this.tx = tx;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		for (DemoData.DemoKenpo demo : DemoData.all()) {
			if (kenpos.findByCode(demo.kenpo().code()).isEmpty()) {
				seed(demo);
				log.info("Seeded demo kenpo {}", demo.kenpo().name());
			}
			Kenpo kenpo = kenpos.findByCode(demo.kenpo().code()).orElseThrow();
			seedServices(demo, kenpo);
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

	/** The kenpo, then its roster and accounts through the imports (each import its own transaction). */
	private void seed(DemoData.DemoKenpo demo) {
		Kenpo kenpo = tx.execute(status -> {
			Kenpo created = kenpos.create(demo.kenpo());
			kenpos.keepAccessAfterLoss(created.id(), DemoData.accessMonthsAfterLoss(created.code()));
			kenpos.publishTerms(created.id(), created.name() + " Webサービス利用規約", DemoTerms.text(created.name()));
			return created;
		});
		imports.roster(kenpo, DemoFiles.roster(demo), month(), today());
		imports.accounts(kenpo, DemoFiles.accounts(demo), month(), today());
		for (DemoData.DemoHousehold household : demo.households()) {
			if (household.temporaryLoginId()) {
				// a 仮ユーザID with the password its letter printed (seed 002): no import carries a letter
				NewMember insured = DemoFiles.insured(household);
				Member member = members.findByNumber(kenpo.id(), insured.symbol(), insured.number(), insured.branch())
					.orElseThrow();
				accounts.open(kenpo.id(), member.id(), household.loginId(), true, household.initialPassword(),
						household.email());
			}
		}
	}

	/**
	 * Claims, benefits, お知らせ and links of every household, unless the kenpo has claims already:
	 * the roster first (no change when it was loaded already; person keys for a demo database made
	 * before the imports), then one 医療費 and one 給付 file for the kenpo.
	 */
	private void seedServices(DemoData.DemoKenpo demo, Kenpo kenpo) {
		if (medical.newestPublishedMonth(kenpo.id(), END_OF_TIME).isPresent()) {
			return;
		}
		imports.roster(kenpo, DemoFiles.roster(demo), month(), today());
		Instant now = clock.instant();
		List<String> claims = new ArrayList<>();
		List<String> decisions = new ArrayList<>();
		for (Account account : accounts.findAll(kenpo.id())) {
			members.householdOf(kenpo.id(), account.memberId())
				.ifPresent(household -> new DemoServiceData(claims, decisions, kenpo, household, now).seed());
		}
		imports.claims(kenpo, DemoFiles.file(DemoFiles.CLAIMS_HEADER, claims), month().minusMonths(1), today());
		imports.decisions(kenpo, DemoFiles.file(DemoFiles.DECISIONS_HEADER, decisions), month().minusMonths(1), today());
		tx.executeWithoutResult(status -> {
			DemoNotices.seed(notices, kenpo, now);
			DemoNotices.seedLinks(kenpos, kenpo);
		});
		log.info("Seeded demo claims, benefits and notices of {}", kenpo.name());
	}

	private LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), JAPAN);
	}

	private YearMonth month() {
		return YearMonth.from(today());
	}
}
