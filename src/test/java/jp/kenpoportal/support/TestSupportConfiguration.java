package jp.kenpoportal.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

@TestConfiguration(proxyBeanMethods = false)
public class TestSupportConfiguration {

	@Bean
	@Primary
	MutableClock mutableClock() {
		return new MutableClock();
	}

	@Bean
	TestMembers testMembers(jp.kenpoportal.tenant.KenpoDirectory kenpos, jp.kenpoportal.member.MemberDirectory members,
			jp.kenpoportal.account.Accounts accounts) {
		return new TestMembers(kenpos, members, accounts);
	}

	@Bean
	ServiceData serviceData(jp.kenpoportal.medical.MedicalExpenses medical,
			jp.kenpoportal.benefit.BenefitDecisions benefits, java.time.Clock clock) {
		return new ServiceData(medical, benefits, clock);
	}

	@Bean
	TestStaff testStaff(jp.kenpoportal.admin.staff.StaffAccounts accounts, jp.kenpoportal.admin.staff.StaffTotp totp,
			jp.kenpoportal.tenant.KenpoDirectory kenpos, java.time.Clock clock) {
		return new TestStaff(accounts, totp, kenpos, clock);
	}

	@Bean
	static JteParityCheck jteParityCheck(
			org.springframework.beans.factory.ObjectProvider<org.thymeleaf.spring6.view.ThymeleafViewResolver> thymeleaf) {
		return new JteParityCheck(thymeleaf);
	}

	@Bean
	ThymeleafOnRequest thymeleafOnRequest(org.thymeleaf.spring6.view.ThymeleafViewResolver thymeleaf) {
		return new ThymeleafOnRequest(thymeleaf);
	}

	@Bean
	Mailbox mailbox(com.icegreen.greenmail.util.GreenMail server,
			org.springframework.jdbc.core.simple.JdbcClient jdbc) {
		return new Mailbox(server, jdbc);
	}
}
