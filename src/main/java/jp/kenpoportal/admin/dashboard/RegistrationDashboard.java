package jp.kenpoportal.admin.dashboard;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jp.kenpoportal.account.RegistrationCounts;
import jp.kenpoportal.account.RegistrationFigures;
import jp.kenpoportal.account.RegistrationReport;
import jp.kenpoportal.audit.AuditTrail;
import jp.kenpoportal.audit.AuditType;
import jp.kenpoportal.audit.EventCount;
import jp.kenpoportal.tenant.Kenpo;

import org.springframework.stereotype.Service;

/**
 * The registration dashboard of one kenpo: the figures come counted from the account module
 * (roster against accounts) and the audit trail (sign-ins); this class only lays them out by
 * day or week in Japan. Every figure is of the kenpo it is given, which the caller takes from
 * the signed-in staff member.
 */
@Service
public class RegistrationDashboard {

	static final int DAYS = 30;

	static final int WEEKS = 26;

	private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

	/** A complete sign-in: both factors, or a passkey alone. */
	private static final EnumSet<AuditType> SIGN_INS = EnumSet.of(AuditType.SIGN_IN_SECOND_FACTOR_ACCEPTED);

	private final RegistrationFigures figures;

	private final AuditTrail audit;

	private final Clock clock;

	RegistrationDashboard(RegistrationFigures figures, AuditTrail audit, Clock clock) {
		this.figures = figures;
		this.audit = audit;
		this.clock = clock;
	}

	/** The headline figures of the kenpo today, for the console's home. */
	public RegistrationCounts summary(Kenpo kenpo) {
		return figures.total(kenpo.id(), today());
	}

	Dashboard dashboard(Kenpo kenpo, ChronoUnit period) {
		LocalDate today = today();
		Instant now = clock.instant();
		RegistrationReport report = figures.report(kenpo.id(), today, now);
		return new Dashboard(today, report, timeline(kenpo, period, today));
	}

	/** Writes the not-yet-registered CSV; returns how many members it holds. */
	long writeNotRegistered(Kenpo kenpo, CsvEncoding encoding, OutputStream out) throws IOException {
		NotRegisteredCsv csv = new NotRegisteredCsv(out, encoding);
		figures.forEachNotRegistered(kenpo.id(), today(), csv::add);
		return csv.finish();
	}

	LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), JAPAN);
	}

	private Timeline timeline(Kenpo kenpo, ChronoUnit period, LocalDate today) {
		List<LocalDate> starts = new ArrayList<>();
		if (period == ChronoUnit.WEEKS) {
			LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
			for (int i = WEEKS - 1; i >= 0; i--) {
				starts.add(monday.minusWeeks(i));
			}
		}
		else {
			for (int i = DAYS - 1; i >= 0; i--) {
				starts.add(today.minusDays(i));
			}
		}
		LocalDate from = starts.get(0);
		LocalDate to = today.plusDays(1);
		Map<LocalDate, Long> registered = figures.registeredPer(kenpo.id(), period, from, to);
		Map<LocalDate, EventCount> signIns = audit.countPer(kenpo.id(), SIGN_INS, period, from, to)
			.stream()
			.collect(Collectors.toMap(EventCount::period, Function.identity()));
		List<TimelineRow> rows = starts.stream()
			.map(d -> new TimelineRow(d, registered.getOrDefault(d, 0L),
					signIns.containsKey(d) ? signIns.get(d).events() : 0,
					signIns.containsKey(d) ? signIns.get(d).accounts() : 0))
			.toList();
		List<String> labels = starts.stream().map(d -> d.getMonthValue() + "/" + d.getDayOfMonth()).toList();
		int labelEvery = period == ChronoUnit.WEEKS ? 4 : 5;
		return new Timeline(period, rows,
				BarChart.of(labels, rows.stream().map(TimelineRow::registered).toList(), labelEvery),
				BarChart.of(labels, rows.stream().map(TimelineRow::signIns).toList(), labelEvery));
	}

	/** What the dashboard page shows. */
	record Dashboard(LocalDate today, RegistrationReport report, Timeline timeline) {
	}

	/** Registrations and sign-ins per day or week, oldest first, and their charts. */
	record Timeline(ChronoUnit period, List<TimelineRow> rows, BarChart registered, BarChart signIns) {

		public boolean weekly() {
			return period == ChronoUnit.WEEKS;
		}
	}

	/** One day or week (from its first day): registrations finished, sign-ins, and members who signed in. */
	record TimelineRow(LocalDate start, long registered, long signIns, long membersSignedIn) {
	}
}
