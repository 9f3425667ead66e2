package jp.kenpoportal.faults;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

import jp.kenpoportal.signin.totp.Base32;
import jp.kenpoportal.signin.totp.TotpAlgorithm;
import jp.kenpoportal.support.TestBrowser;
import jp.kenpoportal.support.TestBrowser.Page;

/**
 * One member at a steady pace through the load balancer: first registration, then pages (home,
 * 医療費, 資格情報), a download, and now and then a new sign-in in a fresh browser with the factor
 * chosen (mail code or app). Every request that fails is tried once more; a signed-in page that
 * ends on the sign-in page is a lost session.
 */
final class VirtualMember implements Runnable {

	private static final Pattern CODE = Pattern.compile("コード：(\\d{6})");

	private final int port;

	private final String host;

	private final String loginId;

	private final String initialPassword;

	private final String birthDate;

	private final String email;

	private final boolean app;

	private final SmtpServer smtp;

	private final AtomicReference<PhaseStats> phase;

	private final long thinkMillis;

	private volatile boolean running = true;

	private TestBrowser browser;

	private String password;

	private String secret;

	private long lastTotpStep = -1;

	/** Mails the member had before the step that sends the next code. */
	private int mailsBefore;

	VirtualMember(int port, String host, String loginId, String initialPassword, LocalDate birthDate, String email,
			boolean app, SmtpServer smtp, AtomicReference<PhaseStats> phase, long thinkMillis) {
		this.port = port;
		this.host = host;
		this.loginId = loginId;
		this.initialPassword = initialPassword;
		this.birthDate = birthDate.toString().replace("-", "");
		this.email = email;
		this.app = app;
		this.smtp = smtp;
		this.phase = phase;
		this.thinkMillis = thinkMillis;
	}

	void stop() {
		running = false;
	}

	@Override
	public void run() {
		try {
			onboard();
			int n = 0;
			while (running) {
				switch (n++ % 24) {
					case 5 -> signedIn(() -> browser.get("/medical"));
					case 9 -> signedIn(() -> browser.get("/qualification"));
					case 13 -> download();
					case 23 -> signInAgain();
					default -> signedIn(() -> browser.get("/"));
				}
				Thread.sleep(thinkMillis);
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		catch (RuntimeException | AssertionError e) {
			System.err.println(loginId + " stopped: " + e);
		}
	}

	/**
	 * First registration, step by step as the portal asks (the page's path says which step is
	 * pending), so a journey broken by a fault resumes where the portal has it: a new browser
	 * signs in again with the initial password, or the new one once it is set.
	 */
	private void onboard() throws InterruptedException {
		// the policy refuses a password that holds the user ID
		password = "Fault-Suite-2026-" + Integer.toHexString(loginId.hashCode());
		while (running) {
			Page page = signInForOnboarding();
			for (int step = 0; page != null && step < 12 && running; step++) {
				String path = page.path();
				if (path.equals("/")) {
					return;
				}
				page = next(path, page);
			}
			phase.get().journeysResumed.incrementAndGet();
			Thread.sleep(1000);
		}
	}

	private Page signInForOnboarding() {
		browser = new TestBrowser(port, host);
		if (request(() -> browser.get("/login")) == null) {
			return null;
		}
		Page page = request(() -> browser.submit("/login", Map.of("userId", loginId, "password", initialPassword)));
		if (page != null && page.path().startsWith("/login")) {
			page = request(() -> browser.submit("/login", Map.of("userId", loginId, "password", password)));
			if (page != null && page.path().startsWith("/mfa/")) {
				page = null;
			}
		}
		return page;
	}

	/** Does the pending step the page shows; the page it leads to, or null. */
	private Page next(String path, Page page) throws InterruptedException {
		switch (path) {
			case "/onboarding/birth-date":
				return request(() -> browser.submit("/onboarding/birth-date", Map.of("birthDate", birthDate)));
			case "/onboarding/terms":
				return request(() -> browser.submit("/onboarding/terms", Map.of("decision", "agree")));
			case "/onboarding/email": {
				if (page.doc().selectFirst("form[action=/onboarding/email/code]") == null) {
					int before = smtp.to(email).size();
					page = request(() -> browser.submit("/onboarding/email", Map.of("email", email)));
					mailsBefore = before;
					if (page == null) {
						return null;
					}
				}
				String code = awaitCode(mailsBefore + 1);
				return request(() -> browser.submit("/onboarding/email/code", Map.of("code", code)));
			}
			case "/onboarding/user-id": {
				mailsBefore = smtp.to(email).size();
				return request(() -> browser.submit("/onboarding/user-id",
						Map.of("userId", loginId, "factor", app ? "TOTP" : "EMAIL_CODE")));
			}
			case "/onboarding/password": {
				int before = smtp.to(email).size();
				Page next = request(() -> browser.submit("/onboarding/password",
						Map.of("password", password, "passwordConfirm", password)));
				mailsBefore = before;
				return next;
			}
			case "/onboarding/factor": {
				if (app) {
					secret = page.doc().selectFirst(".totp-key").text().replace(" ", "");
					return request(() -> browser.submit("/onboarding/factor/totp", Map.of("code", totp())));
				}
				String enrol = awaitCode(mailsBefore + 1);
				return request(() -> browser.submit("/onboarding/factor", Map.of("code", enrol)));
			}
			default:
				return null;
		}
	}

	private void signInAgain() throws InterruptedException {
		TestBrowser fresh = new TestBrowser(port, host);
		TestBrowser old = browser;
		browser = fresh;
		request(() -> browser.get("/login"));
		int before = app ? 0 : smtp.to(email).size();
		request(() -> browser.submit("/login", Map.of("userId", loginId, "password", password)));
		Page page = app ? request(() -> browser.submit("/mfa/totp", Map.of("code", totp())))
				: codeSignIn(before);
		if (!"/".equals(page.path())) {
			browser = old;
		}
	}

	private Page codeSignIn(int before) throws InterruptedException {
		String code = awaitCode(before + 1);
		return request(() -> browser.submit("/mfa/email", Map.of("code", code)));
	}

	private void download() {
		PhaseStats stats = phase.get();
		for (int attempt = 0; attempt < 2; attempt++) {
			long start = System.nanoTime();
			stats.requests.incrementAndGet();
			try {
				TestBrowser.Download d = browser.download("/medical/" + (LocalDate.now().getYear() - 1) + "/deduction.csv");
				stats.took((System.nanoTime() - start) / 1_000_000);
				if (d.status() < 500) {
					if (d.status() == 302) {
						stats.sessionsLost.incrementAndGet();
					}
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
	private void signedIn(Supplier<Page> call) throws InterruptedException {
		Page page = request(call);
		if (page != null && page.path().startsWith("/login")) {
			phase.get().sessionsLost.incrementAndGet();
			signInAgain();
		}
	}

	/** One request, tried once more if it fails; null when both tries failed. */
	private Page request(Supplier<Page> call) {
		PhaseStats stats = phase.get();
		for (int attempt = 0; attempt < 2; attempt++) {
			long start = System.nanoTime();
			stats.requests.incrementAndGet();
			try {
				Page page = call.get();
				stats.took((System.nanoTime() - start) / 1_000_000);
				if (page.status() == 503 && page.text().contains("ただいまご利用いただけません")) {
					stats.friendly503.incrementAndGet();
				}
				if (page.status() < 500) {
					return page;
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

	private String awaitCode(int n) throws InterruptedException {
		for (int i = 0; i < 6000 && running; i++) {
			List<MimeMessage> mails = smtp.to(email);
			if (mails.size() >= n) {
				try {
					Matcher m = CODE.matcher(String.valueOf(text(mails.get(n - 1))));
					if (m.find()) {
						return m.group(1);
					}
				}
				catch (Exception e) {
					throw new IllegalStateException(e);
				}
			}
			if (i == 200) {
				System.err.println(loginId + " still waits for mail " + n + "; has " + mails.size() + ", all "
						+ smtp.all().size() + describe(smtp.all()));
			}
			Thread.sleep(100);
		}
		throw new IllegalStateException("no mail " + n + " to " + email);
	}

	private static String describe(List<MimeMessage> mails) {
		if (mails.isEmpty()) {
			return "";
		}
		try {
			MimeMessage m = mails.get(0);
			return "; first to " + SmtpServer.recipients(m) + ": " + text(m).replace('\n', ' ').substring(0, 120);
		}
		catch (Exception e) {
			return "; unreadable: " + e;
		}
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
