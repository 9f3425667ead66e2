package jp.kenpoportal.audit;

import java.time.LocalDate;

/** How many events of some types a period (a day or a week, in Japan) had, and from how many accounts. */
public record EventCount(LocalDate period, long events, long accounts) {
}
