package jp.kenpoportal.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import jp.kenpoportal.support.Mailbox;
import jp.kenpoportal.support.TestMembers;
import jp.kenpoportal.support.TestMembers.TestMember;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real Chromium (Debian's, driven by Playwright) against the portal on its random port: one
 * browser per test class, a fresh context (cookies, tabs) per test, an axe check on every page
 * a tab shows, and screenshots in target/screenshots when a test fails.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(ScreenshotOnFailure.class)
abstract class BrowserTestSupport {

	private static final Path CHROMIUM = Paths.get("/usr/bin/chromium");

	private static final Path SCREENSHOTS = Paths.get("target", "screenshots");

	private static final double DOWNLOAD_TIMEOUT_MS = 30_000;

	@LocalServerPort
	protected int port;

	@Autowired
	protected TestMembers members;

	@Autowired
	protected Mailbox mailbox;

	private Playwright playwright;

	private Browser browser;

	private BrowserContext context;

	private VisitedPages visits;

	@BeforeAll
	void launchChromium() {
		// surefire sets this too; repeated here so a run from the IDE never downloads a browser
		playwright = Playwright.create(
				new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
		browser = playwright.chromium()
			.launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM)
				.setHeadless(true)
				.setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
						"--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic")));
	}

	@AfterAll
	void closeChromium() {
		if (browser != null) {
			browser.close();
		}
		if (playwright != null) {
			playwright.close();
		}
	}

	@BeforeEach
	void openContext() {
		context = browser.newContext(new Browser.NewContextOptions().setLocale("ja-JP"));
		context.setDefaultTimeout(10_000);
		visits = new VisitedPages();
	}

	@AfterEach
	void closeContext() {
		try {
			visits.assertEveryPageChecked();
		}
		finally {
			context.close();
		}
	}

	/** A new tab in this test's context, its pages tracked for the accessibility check. */
	protected Page newTab() {
		Page page = context.newPage();
		visits.track(page);
		return page;
	}

	/** The axe check on what the tab shows now; every page a tab shows must go through it. */
	protected void assertAccessible(Page page) {
		Accessibility.assertNoViolations(page);
		visits.checked(page);
	}

	protected String origin(TestMember member) {
		return "http://" + member.host() + ":" + port;
	}

	/** Opens a page of the member's kenpo and checks it. */
	protected void open(Page page, TestMember member, String path) {
		page.navigate(origin(member) + path);
		assertAccessible(page);
	}

	/** Presses a button that submits a form, waits for the page it leads to and checks it. */
	protected void press(Page page, String buttonName) {
		Locator button = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(buttonName).setExact(true));
		page.waitForNavigation(button::click);
		assertAccessible(page);
	}

	/** Presses a button found on part of the page (one of several alike), waits for the next page and checks it. */
	protected void press(Page page, Locator button) {
		page.waitForNavigation(button::click);
		assertAccessible(page);
	}

	/** Follows a link, waits for the page it leads to and checks it. */
	protected void follow(Page page, String linkName) {
		Locator link = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(linkName).setExact(true));
		page.waitForNavigation(link::click);
		assertAccessible(page);
	}

	/**
	 * Starts a download by clicking (a link or a form's button), waits for the file and reads it.
	 * The wait is longer than for a page: the first PDF a JVM renders loads the Japanese font,
	 * which on a busy 2-core machine has taken more than 10 s.
	 */
	protected static DownloadedFile download(Page page, Locator trigger) {
		Download download = page.waitForDownload(new Page.WaitForDownloadOptions().setTimeout(DOWNLOAD_TIMEOUT_MS),
				() -> trigger.click(new Locator.ClickOptions().setTimeout(DOWNLOAD_TIMEOUT_MS)));
		try {
			return new DownloadedFile(download.suggestedFilename(), Files.readAllBytes(download.path()));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		finally {
			download.delete();
		}
	}

	/** The link of a service tile on home, by the service's name. */
	protected static Locator tile(Page page, String service) {
		return page.locator(".tile a", new Page.LocatorOptions().setHas(page.locator(".tile__title")
			.getByText(service, new Locator.GetByTextOptions().setExact(true))));
	}

	/** The link with exactly this name. */
	protected static Locator link(Page page, String name) {
		return page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name).setExact(true));
	}

	/** The button with exactly this name. */
	protected static Locator button(Page page, String name) {
		return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
	}

	/** Follows a link found some other way than by its exact name (a tile, one of several alike) and checks the page. */
	protected void follow(Page page, Locator link) {
		page.waitForNavigation(link::click);
		assertAccessible(page);
	}

	protected static String path(Page page) {
		return URI.create(page.url()).getPath();
	}

	protected static String query(Page page) {
		String query = URI.create(page.url()).getQuery();
		return query == null ? "" : query;
	}

	protected static String heading(Page page) {
		return page.locator("h1").innerText().strip();
	}

	/** What the member reads in the main area. */
	protected static String mainText(Page page) {
		return page.locator("main").innerText();
	}

	protected static String errorText(Page page) {
		return page.locator(".alert--error").innerText();
	}

	/** Signs in with user ID and password as typed on the login page. */
	protected void signIn(Page page, TestMember member, String userId, String password) {
		open(page, member, "/login");
		assertThat(heading(page)).isEqualTo("ログイン");
		page.locator("#userId").fill(userId);
		page.locator("#password").fill(password);
		press(page, "ログイン");
	}

	/** A later sign-in: password, then the code from the mail, ending at home. */
	protected void signInWithMailedCode(Page page, TestMember member, String password) {
		int mailsBefore = mailbox.count(member.email());
		signIn(page, member, member.loginId(), password);
		assertThat(path(page)).isEqualTo("/mfa/email");
		assertThat(heading(page)).isEqualTo("ワンタイムパスワード（メール認証）");
		String code = mailbox.awaitMail(member.email(), mailsBefore + 1).code();
		page.locator("#code").fill(code);
		press(page, "認証する");
		assertThat(path(page)).isEqualTo("/");
		assertThat(mainText(page)).contains(member.member().name() + " 様");
	}

	/** Logs out from the member's name in the header, through the confirmation dialog. */
	protected void logOut(Page page, TestMember member) {
		Locator name = page.locator("header .account-menu__name");
		assertThat(name.innerText()).contains(member.member().name(), "様");
		name.click();
		Locator dialog = page.getByRole(AriaRole.DIALOG);
		dialog.waitFor();
		assertThat(dialog.innerText()).contains("ログアウトしてもよろしいですか?");
		assertAccessible(page);
		page.waitForNavigation(() -> dialog
			.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("ログアウトする").setExact(true))
			.click());
		assertAccessible(page);
		assertThat(path(page)).isEqualTo("/login");
		assertThat(query(page)).isEqualTo("signedOut");
		assertThat(mainText(page)).contains("ログアウトしました。");
	}

	/**
	 * First registration from the initial password through 生年月日, the terms and the mail
	 * address (the code from the mail typed on the same page); ends on the user ID and
	 * second-factor step.
	 */
	protected void registerUntilFactorChoice(Page page, TestMember member) {
		signIn(page, member, member.loginId(), member.initialPassword());
		assertThat(path(page)).isEqualTo("/onboarding/birth-date");
		page.locator("#birthDate").fill(member.birthDateDigits());
		press(page, "次へ");
		assertThat(path(page)).isEqualTo("/onboarding/terms");
		press(page, "同意する");
		assertThat(path(page)).isEqualTo("/onboarding/email");
		int mailsBefore = mailbox.count(member.email());
		press(page, "確認メールを送信");
		assertThat(heading(page)).isEqualTo("確認メールを送信しました");
		page.locator("#code").fill(mailbox.awaitMail(member.email(), mailsBefore + 1).code());
		press(page, "認証する");
		assertThat(path(page)).isEqualTo("/onboarding/user-id");
		assertThat(heading(page)).isEqualTo("ユーザIDの変更・認証方法の設定");
	}

	/** The second factors the user ID step offers, in the order shown (values of the radio buttons). */
	protected static List<String> offeredFactors(Page page) {
		return page.locator("input[name=factor]").all().stream().map(radio -> radio.getAttribute("value")).toList();
	}

	/**
	 * Keeps the user ID, chooses the second factor, sets the new password; ends on the
	 * enrolment page of that factor.
	 */
	protected void chooseFactorAndSetPassword(Page page, TestMember member, String factor, String password) {
		assertThat(page.locator("#userId").inputValue()).isEqualTo(member.loginId());
		page.locator("input[name=factor][value=" + factor + "]").check();
		press(page, "次へ");
		assertThat(path(page)).isEqualTo("/onboarding/password");
		page.locator("#password").fill(password);
		page.locator("#passwordConfirm").fill(password);
		press(page, "次へ");
		assertThat(path(page)).isEqualTo("/onboarding/factor");
	}

	/** Home as the member sees it right after signing in. */
	protected static void assertHome(Page page, TestMember member) {
		assertThat(path(page)).isEqualTo("/");
		assertThat(heading(page)).isEqualTo("ホーム");
		assertThat(mainText(page)).contains(member.member().name() + " 様");
	}

	/** Whether the document is wider than the window, so the member would have to scroll sideways. */
	protected static boolean scrollsSideways(Page page) {
		return (Boolean) page.evaluate("() => document.documentElement.scrollWidth > window.innerWidth");
	}

	/** A file as the browser saved it: the name it offered and the bytes. */
	protected record DownloadedFile(String name, byte[] bytes) {

		/** The text of a PDF (PDFBox), without line breaks, since table cells may wrap. */
		String pdfText() {
			try (PDDocument document = Loader.loadPDF(bytes)) {
				return new PDFTextStripper().getText(document).replaceAll("\\s*\\n\\s*", "");
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}

		String utf8() {
			return new String(bytes, StandardCharsets.UTF_8);
		}
	}

	void saveScreenshots(String name) {
		if (context == null) {
			return;
		}
		List<Page> pages = context.pages();
		for (int i = 0; i < pages.size(); i++) {
			Path file = SCREENSHOTS.resolve(name + (i == 0 ? "" : "-tab" + (i + 1)) + ".png");
			pages.get(i).screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
		}
	}
}
