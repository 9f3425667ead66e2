package jp.kenpoportal.portal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import jp.kenpoportal.signin.SignedInHousehold;

import org.springframework.stereotype.Component;

/** The signed-in member as a reader of お知らせ: their roster row decides which notices they see. */
@Component
class SignedInReader {

	private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

	private final SignedInHousehold household;

	private final Clock clock;

	SignedInReader(SignedInHousehold household, Clock clock) {
		this.household = household;
		this.clock = clock;
	}

	NoticeReader require() {
		return NoticeReader.of(household.member().orElseThrow(), LocalDate.ofInstant(clock.instant(), JAPAN));
	}
}
