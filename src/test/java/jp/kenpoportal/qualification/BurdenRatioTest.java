package jp.kenpoportal.qualification;

import java.time.LocalDate;

import jp.kenpoportal.member.Member;
import jp.kenpoportal.member.Sex;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 負担割合 by age, the plausibility check of the kenpo's ratio: 2割 before school age, 3割, 2割
 * from the month after the 70th birthday, or 3割 then for 現役並み所得者.
 */
class BurdenRatioTest {

	@Test
	void whenAChildHasNotStartedSchoolThenTheShareIsTwoTenths() {
		Member born2020May = person(LocalDate.of(2020, 5, 10));
		// 6 on 2026-05-10: school starts April 2027
		assertThat(BurdenRatio.tenths(born2020May, LocalDate.of(2027, 3, 31))).isEqualTo(2);
		assertThat(BurdenRatio.tenths(born2020May, LocalDate.of(2027, 4, 1))).isEqualTo(3);
	}

	@Test
	void whenTheSixthBirthdayIsOnTheFirstOfAprilThenSchoolStartsThatApril() {
		Member bornApril1 = person(LocalDate.of(2020, 4, 1));
		assertThat(BurdenRatio.tenths(bornApril1, LocalDate.of(2026, 3, 31))).isEqualTo(2);
		assertThat(BurdenRatio.tenths(bornApril1, LocalDate.of(2026, 4, 1))).isEqualTo(3);
		Member bornApril2 = person(LocalDate.of(2020, 4, 2));
		assertThat(BurdenRatio.tenths(bornApril2, LocalDate.of(2026, 4, 1))).isEqualTo(2);
	}

	@Test
	void whenAMemberTurnsSeventyThenTheShareIsTwoTenthsFromTheNextMonth() {
		Member born1956June15 = person(LocalDate.of(1956, 6, 15));
		assertThat(BurdenRatio.tenths(born1956June15, LocalDate.of(2026, 6, 30))).isEqualTo(3);
		assertThat(BurdenRatio.tenths(born1956June15, LocalDate.of(2026, 7, 1))).isEqualTo(2);
		Member bornOnTheFirst = person(LocalDate.of(1956, 6, 1));
		assertThat(BurdenRatio.tenths(bornOnTheFirst, LocalDate.of(2026, 6, 1))).isEqualTo(2);
	}

	@Test
	void whenTheKenpoDecidedThreeTenthsAtSeventyTwoThenThatIsPlausibleButTwoTenthsAtFortyIsNot() {
		LocalDate today = LocalDate.of(2026, 12, 3);
		// 現役並み所得者 of 70–74 (and their dependants of 70–74) pay 3割: only the kenpo knows the income
		assertThat(BurdenRatio.plausible(3, person(LocalDate.of(1954, 6, 20)), today)).isTrue();
		assertThat(BurdenRatio.plausible(2, person(LocalDate.of(1954, 6, 20)), today)).isTrue();
		assertThat(BurdenRatio.plausible(2, person(LocalDate.of(1986, 1, 1)), today)).isFalse();
		assertThat(BurdenRatio.plausible(3, person(LocalDate.of(2023, 1, 1)), today)).isFalse();
	}

	private static Member person(LocalDate birthDate) {
		return new Member(1, 1, "10", "1234", "01", "試験", "シケン", birthDate, Sex.MALE, "子", birthDate, null);
	}
}
