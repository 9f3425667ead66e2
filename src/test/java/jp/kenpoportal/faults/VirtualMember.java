package jp.kenpoportal.faults;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;
import tools.jackson.databind.json.JsonMapper;

import jp.kenpoportal.signin.totp.Base32;
import jp.kenpoportal.signin.totp.TotpAlgorithm;
import jp.kenpoportal.support.SoftAuthenticator;
import jp.kenpoportal.support.TestBrowser;
import jp.kenpoportal.support.TestBrowser.JsonAnswer;
import jp.kenpoportal.support.TestBrowser.Page;

/**
 * One member at a steady pace through the load balancer, as a person in a browser would go:
 * the first registration of a new account (生年月日, 利用規約, the address confirmed with the mailed
 * code, user ID and factor, password, the factor enrolled: mail code, authenticator app or a
 * passkey), then the signed-in pages (home, 医療費 and a year of it, 資格情報), the deduction CSV
 * and the 医療費のお知らせ PDF, and now and then a new sign-in in a fresh browser with the password
 * and the factor. After a while the member starts over with a new account, so first registrations
 * go on during every fault.
 *
 * <p>
 * Every request that fails (an error status, a broken connection) is tried once more. A signed-in
 * request that ends on the sign-in page is a lost session: the member had to sign in again.
 */
final class VirtualMember implements Runnable {

	enum Factor {
		EMAIL_CODE, TOTP, PASSKEY
	}

	private static final Pattern CODE = Pattern.compile("(?:コード|認証コード|確認コード)：(\\d{6})");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final int port;

	private final String host;

	private final Factor factor;

	private final FaultAccounts accounts;

	private final SmtpServer smtp;

	private final AtomicReference<PhaseStats> phase;

	private final long thinkMillis;

	/** Pages and downloads per account before the member starts over with a new account. */
	private final int actionsPerAccount;

	/** Set while a node's clock is off: the member signs in again every few pages. */
	private final java.util.concurrent.atomic.AtomicBoolean signInOften;

	private volatile boolean running = true;

	private TestBrowser browser;

	private FaultAccounts.NewAccount account;

	private String password;

	private boolean passwordSet;

	private String secret;

	private SoftAuthenticator passkey;

	private long lastTotpStep = -1;

	/** HTTP requests this member made (tries included), for the load benchmark's rate. */
	private long requestsMade;

	/** The member's mails before the request that may send the next code. */
	private int mailMark;

	VirtualMember(int port, String host, Factor factor, FaultAccounts accounts, SmtpServer smtp,
			AtomicReference<PhaseStats> phase, long thinkMillis, int actionsPerAccount,
			java.util.concurrent.atomic.AtomicBoolean signInOften) {
		this.signInOften = signInOften;
		this.port = port;
		this.host = host;
		this.factor = factor;
		this.accounts = accounts;
		this.smtp = smtp;
		this.phase = phase;
		this.thinkMillis = thinkMillis;
		this.actionsPerAccount = actionsPerAccount;
	}

	void stop() {
		running = false;
	}

	@Override
	public void run() {
		try {
			while (running) {
				newAccount();
				if (!onboard()) {
					continue;
				}
				for (int n = 0; running && n < actionsPerAccount; n++) {
					act(n);
					Thread.sleep(thinkMillis);
				}
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		catch (Exception | AssertionError e) {
			if (running) {
				System.err.println(account.loginId() + " (" + factor + ") stopped: " + e);
				e.printStackTrace();
			}
		}
	}

	/** For the load benchmark: a new account through its first registration; true once home is reached. */
	boolean prepare() throws Exception {
		newAccount();
		return onboard();
	}

	/** For the load benchmark: a complete sign-in in a fresh browser; true once home is reached. */
	boolean freshSignIn() throws InterruptedException {
		return signIn(false);
	}

	/** False while the app shows the code just used (a code is accepted once): a sign-in would wait. */
	boolean mayUseFactorNow() {
		return factor != Factor.TOTP || TotpAlgorithm.stepAt(Instant.now()) > lastTotpStep;
	}

	TestBrowser browser() {
		return browser;
	}

	long requestsMade() {
		return requestsMade;
	}

	private void act(int n) throws InterruptedException {
		int year = LocalDate.now().getYear() - 1;
		if (signInOften.get() && n % 8 == 4) {
			signInAgain();
			return;
		}
		switch (n % 40) {
			case 3 -> signedIn(() -> browser.get("/medical"), "医療費");
			case 7 -> signedIn(() -> browser.get("/medical/" + year), "医療費");
			case 11 -> signedIn(() -> browser.get("/qualification"), "資格");
			case 15 -> download("/medical/" + year + "/deduction.csv", "text/csv");
			case 25 -> download("/medical/notice.pdf?year=" + year + "&from=" + year + "-01&to=" + year + "-12",
					"application/pdf");
			case 39 -> signInAgain();
			default -> signedIn(() -> browser.get("/"), "ホーム");
		}
	}

	private void newAccount() throws Exception {
		account = accounts.create();
		// the policy refuses a password that holds the user ID
		password = "Fault-Suite-2026-" + Integer.toHexString(account.loginId().hashCode());
		passwordSet = false;
		secret = null;
		passkey = null;
		lastTotpStep = -1;
	}

	/**
	 * The first registration, step by step as the portal asks (the page's path says which step is
	 * pending), so a journey broken by a fault resumes where the portal has it: a new browser signs
	 * in again with the initial password, or the new one once it is set. True once home is reached.
	 */
	private boolean onboard() throws InterruptedException {
		phase.get().onboardingsStarted.incrementAndGet();
		for (int tries = 0; running && tries < 50; tries++) {
			if (signIn(true)) {
				phase.get().onboardingsCompleted.incrementAndGet();
				return true;
			}
			phase.get().journeysResumed.incrementAndGet();
			Thread.sleep(1000);
		}
		return false;
	}

	/** A new browser: password (the initial one until the new one is set), then whatever the portal asks. */
	private boolean signIn(boolean onboarding) throws InterruptedException {
		browser = new TestBrowser(port, host);
		if (request(() -> browser.get("/login")) == null) {
			return false;
		}
		mailMark = mails();
		Page page = request(() -> browser.submit("/login",
				Map.of("userId", account.loginId(), "password", passwordSet ? password : account.initialPassword())));
		if (page != null && page.path().startsWith("/login") && onboarding) {
			// the step that set the password may have happened without our seeing its answer
			passwordSet = !passwordSet;
			mailMark = mails();
			page = request(() -> browser.submit("/login", Map.of("userId", account.loginId(),
					"password", passwordSet ? password : account.initialPassword())));
		}
		return drive(page);
	}

	/** Follows the portal's steps from this page until home (true) or something unexpected (false). */
	private boolean drive(Page page) throws InterruptedException {
		for (int step = 0; page != null && step < 16 && running; step++) {
			String path = page.path();
			if (path.equals("/") || path.startsWith("/?")) {
				return true;
			}
			page = next(path.replaceFirst("\\?.*", ""), page);
		}
		return false;
	}

	/** Does the pending step the page shows; the page it leads to, or null. */
	private Page next(String path, Page page) throws InterruptedException {
		switch (path) {
			case "/onboarding/birth-date":
				return request(() -> browser.submit(path,
						Map.of("birthDate", account.birthDate().toString().replace("-", ""))));
			case "/onboarding/terms":
				return request(() -> browser.submit(path, Map.of("decision", "agree")));
			case "/onboarding/email": {
				if (page.doc().selectFirst("form[action=/onboarding/email/code]") == null) {
					mailMark = mails();
					page = request(() -> browser.submit("/onboarding/email", Map.of("email", account.email())));
					if (page == null || page.doc().selectFirst("form[action=/onboarding/email/code]") == null) {
						return page;
					}
				}
				String code = awaitCode();
				return request(() -> browser.submit("/onboarding/email/code", Map.of("code", code)));
			}
			case "/onboarding/user-id":
				return request(() -> browser.submit(path, Map.of("userId", account.loginId(), "factor", factor.name())));
			case "/onboarding/password": {
				mailMark = mails();
				Page next = request(() -> browser.submit(path, Map.of("password", password, "passwordConfirm", password)));
				if (next != null && !next.path().startsWith("/onboarding/password")) {
					passwordSet = true;
				}
				return next;
			}
			case "/onboarding/factor":
				return enrol(page);
			case "/mfa/totp":
				return secondFactor(() -> request(() -> browser.submit("/mfa/totp", Map.of("code", totp()))));
			case "/mfa/email":
				return secondFactor(() -> {
					String code = awaitCode();
					return request(() -> browser.submit("/mfa/email", Map.of("code", code)));
				});
			case "/mfa/passkey":
				return secondFactor(this::passkeySignIn);
			default:
				return null;
		}
	}

	private Page enrol(Page page) throws InterruptedException {
		switch (factor) {
			case TOTP -> {
				secret = page.doc().selectFirst(".totp-key").text().replace(" ", "");
				lastTotpStep = -1;
				return request(() -> browser.submit("/onboarding/factor/totp", Map.of("code", totp())));
			}
			case PASSKEY -> {
				SoftAuthenticator key = new SoftAuthenticator();
				JsonAnswer options = json("/passkeys/register/options", "{}");
				if (options == null) {
					return null;
				}
				String rpId = JSON.readTree(options.body()).get("rp").get("id").asString();
				JsonAnswer registered = json("/passkeys/register", key.registration(options.body(), rpId, origin(), "fault-suite"));
				if (registered == null || registered.status() != 200) {
					phase.get().unexpected("passkey registration " + (registered == null ? "failed" : registered.body()));
					return null;
				}
				passkey = key;
				return request(() -> browser.submit("/onboarding/factor/passkey", Map.of()));
			}
			default -> {
				String code = awaitCode();
				return request(() -> browser.submit("/onboarding/factor", Map.of("code", code)));
			}
		}
	}

	/** The second step of a sign-in; a refused code or passkey counts, and the member tries once more. */
	private Page secondFactor(Attempt attempt) throws InterruptedException {
		Page page = attempt.run();
		if (page != null && page.path().startsWith("/mfa/")) {
			phase.get().secondFactorRefused.incrementAndGet();
			if (factor == Factor.EMAIL_CODE) {
				// wait for a fresh code rather than typing the same one again
				return null;
			}
			page = attempt.run();
		}
		return page;
	}

	private interface Attempt {

		Page run() throws InterruptedException;

	}

	private Page passkeySignIn() {
		if (passkey == null) {
			return null;
		}
		JsonAnswer options = json("/passkeys/authenticate/options", "{}");
		if (options == null) {
			return null;
		}
		String rpId = JSON.readTree(options.body()).get("rpId").asString();
		JsonAnswer proved = json("/passkeys/authenticate", passkey.assertion(options.body(), rpId, origin()));
		if (proved == null || proved.status() != 200) {
			return browser.page();
		}
		String target = JSON.readTree(proved.body()).get("redirectUrl").asString();
		return request(() -> browser.get(target.isEmpty() ? "/" : target));
	}

	private String origin() {
		return "http://" + host + ":" + port;
	}

	/** A complete new sign-in in a fresh browser, as on another day; the old browser is kept if it fails. */
	private void signInAgain() throws InterruptedException {
		TestBrowser old = browser;
		phase.get().signIns.incrementAndGet();
		if (!signIn(false)) {
			phase.get().signInsFailed.incrementAndGet();
			browser = old;
		}
	}

	private void download(String path, String contentType) throws InterruptedException {
		PhaseStats stats = phase.get();
		for (int attempt = 0; attempt < 2; attempt++) {
			long start = System.nanoTime();
			stats.requests.incrementAndGet();
			try {
				TestBrowser.Download d = browser.download(path);
				stats.took((System.nanoTime() - start) / 1_000_000);
				if (d.status() == 302 && String.valueOf(d.header("Location")).contains("/login")) {
					sessionLost();
					return;
				}
				if (d.status() == 200 && String.valueOf(d.header("Content-Type")).startsWith(contentType)
						&& d.body().length > 0) {
					stats.downloads.incrementAndGet();
					return;
				}
				if (d.status() < 500) {
					stats.unexpected("download " + d.status() + " " + d.header("Content-Type"));
					return;
				}
			}
			catch (RuntimeException e) {
				stats.took((System.nanoTime() - start) / 1_000_000);
			}
			if (attempt == 0) {
				stats.failed();
			}
			else {
				stats.failedAfterRetry.incrementAndGet();
			}
		}
	}

	/** A page a signed-in member asks for; ending on the sign-in page is a lost session. */
	private void signedIn(Supplier<Page> call, String expected) throws InterruptedException {
		Page page = request(call);
		if (page == null) {
			return;
		}
		if (page.path().startsWith("/login")) {
			sessionLost();
		}
		else if (page.status() == 200 && page.text().contains(expected)) {
			phase.get().signedInPages.incrementAndGet();
		}
		else {
			phase.get().unexpected("page " + page.status() + " " + page.path());
		}
	}

	/** The member finds themself signed out and signs in again. */
	private void sessionLost() throws InterruptedException {
		phase.get().sessionsLost.incrementAndGet();
		phase.get().signIns.incrementAndGet();
		if (!signIn(false)) {
			phase.get().signInsFailed.incrementAndGet();
		}
	}

	/** One JSON exchange (passkey.js), tried once more if it fails; null when both tries failed. */
	private JsonAnswer json(String path, String body) {
		return attempt(() -> browser.exchangeJson(path, body), a -> a.status() < 500);
	}

	/** One request, tried once more if it fails; null when both tries failed. */
	private Page request(Supplier<Page> call) {
		return attempt(() -> {
			Page page = call.get();
			if (page.status() == 503 && page.text().contains("ただいまご利用いただけません")) {
				phase.get().friendly503.incrementAndGet();
			}
			return page;
		}, page -> page.status() < 500);
	}

	private <T> T attempt(Supplier<T> call, Predicate<T> ok) {
		PhaseStats stats = phase.get();
		for (int attempt = 0; attempt < 2; attempt++) {
			long start = System.nanoTime();
			stats.requests.incrementAndGet();
			requestsMade++;
			try {
				T answer = call.get();
				stats.took((System.nanoTime() - start) / 1_000_000);
				if (ok.test(answer)) {
					return answer;
				}
			}
			catch (RuntimeException | AssertionError e) {
				// a broken connection, or a page without the form expected (an error page)
				stats.took((System.nanoTime() - start) / 1_000_000);
			}
			if (attempt == 0) {
				stats.failed();
			}
			else {
				stats.failedAfterRetry.incrementAndGet();
			}
		}
		return null;
	}

	private int mails() {
		return smtp.to(account.email()).size();
	}

	/**
	 * The code of the newest mail since the mark (a resend replaces the code). A step resumed in a
	 * new browser may have had its code sent before: after 20 s without a new one, the newest code
	 * of all is typed.
	 */
	private String awaitCode() throws InterruptedException {
		long start = System.nanoTime();
		while (running && System.nanoTime() - start < 600_000_000_000L) {
			List<MimeMessage> mails = smtp.to(account.email());
			String code = newestCode(mails, mailMark);
			if (code == null && System.nanoTime() - start > 20_000_000_000L) {
				code = newestCode(mails, 0);
			}
			if (code != null) {
				mailMark = mails.size();
				return code;
			}
			Thread.sleep(250);
		}
		throw new IllegalStateException("no code mailed to " + account.email());
	}

	private static String newestCode(List<MimeMessage> mails, int from) {
		for (int i = mails.size() - 1; i >= from; i--) {
			try {
				Matcher m = CODE.matcher(text(mails.get(i)));
				if (m.find()) {
					return m.group(1);
				}
			}
			catch (Exception e) {
				throw new IllegalStateException(e);
			}
		}
		return null;
	}

	/** Every text part of the mail, however deeply nested. */
	private static String text(jakarta.mail.Part part) throws Exception {
		Object content = part.getContent();
		if (content instanceof jakarta.mail.Multipart multipart) {
			StringBuilder all = new StringBuilder();
			for (int i = 0; i < multipart.getCount(); i++) {
				all.append(text(multipart.getBodyPart(i)));
			}
			return all.toString();
		}
		if (content instanceof java.io.InputStream in) {
			return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		}
		return String.valueOf(content);
	}

	/** The app's code, waiting for the next one when this one was used (a code is accepted once). */
	private String totp() {
		long step = TotpAlgorithm.stepAt(Instant.now());
		while (step <= lastTotpStep) {
			try {
				Thread.sleep(500);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				break;
			}
			step = TotpAlgorithm.stepAt(Instant.now());
		}
		lastTotpStep = step;
		return TotpAlgorithm.code(Base32.decode(secret), step);
	}
}
