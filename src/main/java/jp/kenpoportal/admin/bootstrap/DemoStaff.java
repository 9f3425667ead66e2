package jp.kenpoportal.admin.bootstrap;

import java.util.List;

import jp.kenpoportal.admin.staff.StaffAccount;
import jp.kenpoportal.admin.staff.StaffAccounts;
import jp.kenpoportal.admin.staff.StaffRole;
import jp.kenpoportal.admin.staff.StaffTotp;
import jp.kenpoportal.signin.totp.TotpSecret;
import jp.kenpoportal.tenant.Kenpo;
import jp.kenpoportal.tenant.KenpoDirectory;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo's staff (profile {@code demo}): one operator and one 管理者 per demo kenpo, with
 * the passwords and authenticator keys listed in the README, so a person can sign in with
 * oathtool or an authenticator app. Seeded once, after the demo kenpo (which the demo
 * module's runner makes), through the same code as real staff.
 */
@Component
@Profile("demo")
class DemoStaff {

	private static final Logger log = LoggerFactory.getLogger(DemoStaff.class);

	/** user ID, kenpo code (null: operator), name, password, Base32 key of the authenticator app */
	static final List<Seed> SEEDS = List.of(
			new Seed("operator", null, "運用 太郎", "Operator-Console-2026", "KENPOOPERATORDEMOKEY2345KENPO234"),
			new Seed("admin.sakura", "sakura", "桜井 管理", "Sakura-Admin-2026", "SAKURAADMINDEMOKEY234567SAKURA23"),
			new Seed("admin.aoba", "aoba", "青葉 管理", "Aoba-Admin-2026", "AOBAADMINDEMOKEY234567AOBAAOBA23"),
			new Seed("admin.kaede", "kaede", "楓 管理", "Kaede-Admin-2026", "KAEDEADMINDEMOKEY234567KAEDEKA23"),
			new Seed("admin.tsubaki", "tsubaki", "椿 管理", "Tsubaki-Admin-2026", "TSUBAKIADMINDEMOKEY234567TSUBA23"));

	private final StaffAccounts accounts;

	private final StaffTotp totp;

	private final KenpoDirectory kenpos;

	private final TransactionTemplate tx;

	DemoStaff(StaffAccounts accounts, StaffTotp totp, KenpoDirectory kenpos, TransactionTemplate tx) {
		this.accounts = accounts;
		this.totp = totp;
		this.kenpos = kenpos;
		this.tx = tx;
	}

	@EventListener(ApplicationReadyEvent.class)
	void seed() {
		for (Seed seed : SEEDS) {
			if (accounts.loginIdTaken(seed.loginId())) {
				continue;
			}
			Long kenpoId = seed.kenpoCode() == null ? null
					: kenpos.findByCode(seed.kenpoCode()).map(Kenpo::id).orElse(null);
			if (seed.kenpoCode() != null && kenpoId == null) {
				continue;
			}
			tx.executeWithoutResult(status -> {
				StaffAccount staff = accounts.create(kenpoId, seed.loginId(), seed.name(),
						seed.loginId() + "@console.kenpo-portal.localhost",
						kenpoId == null ? StaffRole.OPERATOR : StaffRole.ADMIN);
				accounts.setPassword(staff.id(), seed.password());
				totp.save(staff.id(), TotpSecret.fromBase32(seed.totpKey()), -1);
			});
			log.info("Seeded demo staff account {}", seed.loginId());
		}
	}

	record Seed(String loginId, String kenpoCode, String name, String password, String totpKey) {
	}
}
