package jp.kenpoportal.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import jp.kenpoportal.benefit.Payee;
import jp.kenpoportal.flu.AmountRule;
import jp.kenpoportal.flu.FluPayer;
import jp.kenpoportal.flu.FluPayments;
import jp.kenpoportal.flu.FluSeason;
import jp.kenpoportal.flu.FluSeasons;
import jp.kenpoportal.tenant.KenpoDirectory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * インフルエンザ予防接種補助 rules of the demo kenpo for the current 年度 (issue 12), each like a row
 * of DOMAIN.md §5: さくら like 大和 (¥4,000 per person, one application per household, to the
 * member's account); あおば like 卸 (¥1,500 per shot, two shots under 13, via the employer, with a
 * second check; its 任意継続 household paid to its own account); つばき like KS and 帝石 (cost minus ¥1,000 up to ¥2,000, aged 15 and over, to the
 * member's account). Seeded after the demo kenpo, for a season that does not exist yet.
 */
@Component
@Profile("demo")
class DemoFluRules {

	private final KenpoDirectory kenpos;

	private final FluSeasons seasons;

	private final FluPayments payments;

	private final Clock clock;

	DemoFluRules(KenpoDirectory kenpos, FluSeasons seasons, FluPayments payments, Clock clock) {
		this.kenpos = kenpos;
		this.seasons = seasons;
		this.payments = payments;
		this.clock = clock;
	}

	/** After every runner, so after the demo kenpo are seeded. */
	@EventListener(ApplicationReadyEvent.class)
	void seed() {
		int year = FluSeason.fiscalYearOf(LocalDate.ofInstant(clock.instant(), ZoneId.of("Asia/Tokyo")));
		seed("sakura", year, AmountRule.CAP, 4000, 4000, 0, false, null, true, Payee.MEMBER_ACCOUNT, false,
				new FluPayer("1234567890", "ｻｸﾗﾃﾞﾝｷｹﾝｺｳﾎｹﾝｸﾐｱｲ", "0001", "ﾐｽﾞﾎ", "001", "ﾄｳｷﾖｳｴｲｷﾞﾖｳﾌﾞ", "1", "1234567"));
		// via employers, but its 任意継続 household (中村) is paid to her own account: a 全銀 file too
		seed("aoba", year, AmountRule.CAP, 1500, 1500, 0, true, null, false, Payee.EMPLOYER, true,
				new FluPayer("3456789012", "ｱｵﾊﾞｼﾖｸﾋﾝｹﾝｺｳﾎｹﾝｸﾐｱｲ", "0001", "ﾐｽﾞﾎ", "001", "ﾄｳｷﾖｳｴｲｷﾞﾖｳﾌﾞ", "1",
						"2345678"));
		seed("tsubaki", year, AmountRule.COST_MINUS_SELF_PAY, 2000, 2000, 1000, false, 15, false, Payee.MEMBER_ACCOUNT,
				false, new FluPayer("2345678901", "ﾂﾊﾞｷｺｳｺｸｹﾝｺｳﾎｹﾝｸﾐｱｲ", "0005", "ﾐﾂﾋﾞｼﾕ-ｴﾌｼﾞｴｲ", "001", "ﾎﾝﾃﾝ", "1",
						"7654321"));
	}

	private void seed(String code, int year, AmountRule rule, int capInsured, int capDependent, int selfPay,
			boolean childSecondDose, Integer minAge, boolean perHousehold, Payee payment, boolean fourEyes,
			FluPayer payer) {
		kenpos.findByCode(code).ifPresent(kenpo -> {
			if (seasons.find(kenpo.id(), year).isEmpty()) {
				seasons.save(kenpo.id(), new FluSeason(0, kenpo.id(), year, LocalDate.of(year, 10, 1),
						LocalDate.of(year + 1, 1, 31), LocalDate.of(year + 1, 2, 28), true, true, minAge, null, rule,
						capInsured, capDependent, selfPay, childSecondDose, perHousehold, payment, fourEyes));
			}
			if (payer != null && payments.payer(kenpo.id()).isEmpty()) {
				payments.savePayer(kenpo.id(), payer);
			}
		});
	}
}
