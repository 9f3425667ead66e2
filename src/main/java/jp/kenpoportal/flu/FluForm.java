package jp.kenpoportal.flu;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jp.kenpoportal.benefit.Payee;
import jp.kenpoportal.member.Household;
import jp.kenpoportal.member.Member;

/**
 * The application form as typed: per household member whether they are claimed for, their
 * vaccination date, cost and doses; the clinic; the bank account when the kenpo pays the member
 * ({@link FluSeason#payeeFor}).
 * Kept as typed so that a page with errors shows everything again.
 */
public record FluForm(Map<Long, Person> persons, String clinic, String bankCode, String branchCode, String accountType,
		String accountNumber, String accountHolder) {

	public static final int MAX_CLINIC = 100;

	public static final int MAX_COST = 100_000;

	/** One household member's part of the form. */
	public record Person(boolean chosen, String date, String cost, String doses) {
	}

	/** What a valid form gives: the lines with the rules' amounts and the account (or null). */
	public record Valid(String clinic, List<FluLine> lines, BankAccount account) {
	}

	public static FluForm from(Map<String, String> params, Household household) {
		Map<Long, Person> persons = new LinkedHashMap<>();
		for (Member m : household.members()) {
			String p = "p" + m.id() + ".";
			persons.put(m.id(), new Person(params.containsKey(p + "chosen"), trim(params.get(p + "date")),
					trim(params.get(p + "cost")), trim(params.get(p + "doses"))));
		}
		return new FluForm(persons, trim(params.get("clinic")), trim(params.get("bankCode")),
				trim(params.get("branchCode")), trim(params.get("accountType")), trim(params.get("accountNumber")),
				trim(params.get("accountHolder")));
	}

	public static FluForm of(FluApplication app, Household household) {
		Map<Long, Person> persons = new LinkedHashMap<>();
		for (Member m : household.members()) {
			Optional<FluLine> line = app.lines().stream().filter(l -> l.memberId() == m.id()).findFirst();
			persons.put(m.id(), line.map(l -> new Person(true, l.vaccinatedOn().toString(), Integer.toString(l.cost()),
					Integer.toString(l.doses()))).orElse(new Person(false, "", "", "1")));
		}
		BankAccount a = app.account();
		return new FluForm(persons, nz(app.clinic()), a == null ? "" : a.bankCode(), a == null ? "" : a.branchCode(),
				a == null ? "1" : a.accountType(), a == null ? "" : a.accountNumber(), a == null ? "" : a.holder());
	}

	public Person person(long memberId) {
		return persons.getOrDefault(memberId, new Person(false, "", "", "1"));
	}

	/**
	 * Checks the form against the season's rules on the given day; errors go into the map (field
	 * → message key, with arguments after a '|'), and a valid form gives its lines.
	 */
	public Optional<Valid> validate(FluSeason season, Household household, LocalDate today, List<Long> claimedElsewhere,
			BankDirectory banks, Map<String, String> errors) {
		List<FluLine> lines = new ArrayList<>();
		for (Member m : household.members()) {
			Person p = person(m.id());
			if (p.chosen()) {
				line(season, m, p, today, claimedElsewhere, errors).ifPresent(lines::add);
			}
		}
		if (persons.values().stream().noneMatch(Person::chosen)) {
			errors.put("persons", "flu.error.persons");
		}
		String clinicName = clean(clinic);
		if (clinicName.isEmpty()) {
			errors.put("clinic", "flu.error.clinic");
		}
		else if (clinicName.length() > MAX_CLINIC || !clinicName.equals(clinic)) {
			errors.put("clinic", "flu.error.clinic.invalid");
		}
		// a 任意継続・特例退職 household is paid to its own account even where the kenpo pays via employers
		BankAccount account = season.payeeFor(household.insured()) == Payee.MEMBER_ACCOUNT ? account(banks, errors) : null;
		return errors.isEmpty() ? Optional.of(new Valid(clinicName, lines, account)) : Optional.empty();
	}

	private static Optional<FluLine> line(FluSeason season, Member m, Person p, LocalDate today,
			List<Long> claimedElsewhere, Map<String, String> errors) {
		String key = "p" + m.id();
		Optional<Ineligible> notNow = season.ineligibleInSeason(m, today);
		if (notNow.isPresent()) {
			errors.put(key + ".chosen", notNow.get().messageKey());
			return Optional.empty();
		}
		if (claimedElsewhere.contains(m.id())) {
			errors.put(key + ".chosen", Ineligible.ALREADY_CLAIMED.messageKey());
			return Optional.empty();
		}
		LocalDate date = date(p.date());
		if (date == null) {
			errors.put(key + ".date", p.date().isEmpty() ? "flu.error.date" : "flu.error.date.invalid");
		}
		else if (!season.inWindow(date)) {
			errors.put(key + ".date", "flu.error.date.window");
		}
		else if (date.isAfter(today)) {
			errors.put(key + ".date", "flu.error.date.future");
		}
		else {
			season.ineligible(m, date).ifPresent(why -> errors.put(key + ".date", why.messageKey()));
		}
		Integer cost = amount(p.cost());
		if (cost == null) {
			errors.put(key + ".cost", p.cost().isEmpty() ? "flu.error.cost" : "flu.error.cost.invalid");
		}
		int doses = "2".equals(p.doses()) ? 2 : 1;
		if (date != null && doses > season.maxDoses(m, date)) {
			errors.put(key + ".doses", "flu.error.doses");
		}
		if (errors.keySet().stream().anyMatch(k -> k.startsWith(key + "."))) {
			return Optional.empty();
		}
		return Optional.of(new FluLine(m.id(), date, cost, doses, season.subsidy(m, date, cost, doses), null));
	}

	private Optional<BankAccount> accountOrEmpty(BankDirectory banks, Map<String, String> errors) {
		Optional<BankDirectory.Bank> bank = banks.bank(bankCode);
		if (bank.isEmpty()) {
			errors.put("bankCode", "flu.error.bank");
			return Optional.empty();
		}
		Optional<BankDirectory.Entry> branch = banks.branch(bankCode, branchCode);
		if (branch.isEmpty()) {
			errors.put("branchCode", "flu.error.branch");
		}
		if (!List.of("1", "2", "4").contains(accountType)) {
			errors.put("accountType", "flu.error.accountType");
		}
		String number = digits(accountNumber);
		if (!number.matches("[0-9]{7}")) {
			errors.put("accountNumber", "flu.error.accountNumber");
		}
		Optional<String> holder = ZenginKana.of(accountHolder);
		if (accountHolder.isEmpty()) {
			errors.put("accountHolder", "flu.error.accountHolder");
		}
		else if (holder.isEmpty() || holder.get().length() > 30) {
			errors.put("accountHolder", "flu.error.accountHolder.charset");
		}
		if (branch.isEmpty() || errors.containsKey("accountType") || errors.containsKey("accountNumber")
				|| errors.containsKey("accountHolder")) {
			return Optional.empty();
		}
		return Optional.of(new BankAccount(bankCode, bank.get().bank().kana(), branchCode, branch.get().kana(), accountType,
				number, holder.get()));
	}

	private BankAccount account(BankDirectory banks, Map<String, String> errors) {
		return accountOrEmpty(banks, errors).orElse(null);
	}

	static LocalDate date(String typed) {
		String t = Normalizer.normalize(typed == null ? "" : typed, Normalizer.Form.NFKC).strip().replace('/', '-');
		if (t.matches("[0-9]{8}")) {
			t = t.substring(0, 4) + "-" + t.substring(4, 6) + "-" + t.substring(6);
		}
		try {
			return t.isEmpty() ? null : LocalDate.parse(t);
		}
		catch (DateTimeParseException e) {
			return null;
		}
	}

	/** A yen amount as typed: 全角 digits, commas and a trailing 円 forgiven. */
	static Integer amount(String typed) {
		String t = digits(typed == null ? "" : typed.replace(",", "").replace("，", "").replace("円", ""));
		if (!t.matches("[0-9]{1,7}")) {
			return null;
		}
		int value = Integer.parseInt(t);
		return value >= 1 && value <= MAX_COST ? value : null;
	}

	private static String digits(String typed) {
		return Normalizer.normalize(typed == null ? "" : typed, Normalizer.Form.NFKC).replaceAll("[\\s-]", "");
	}

	/** Text without control characters (a NUL must never reach PostgreSQL). */
	private static String clean(String text) {
		return text == null ? "" : text.replaceAll("[\\p{Cntrl}\\p{Cf}]", "").strip();
	}

	private static String trim(String value) {
		if (value == null) {
			return "";
		}
		// a field longer than any valid value is cut, so a 10,000-character paste cannot grow the page
		String v = value.strip();
		return v.length() > 200 ? v.substring(0, 200) : v;
	}

	private static String nz(String s) {
		return s == null ? "" : s;
	}
}
