package jp.kenpoportal.admin.letters;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.kenpoportal.member.Member;
import jp.kenpoportal.member.MemberDirectory;
import jp.kenpoportal.member.NewMember;
import jp.kenpoportal.member.Sex;
import jp.kenpoportal.support.Eventually;
import jp.kenpoportal.tenant.Kenpo;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Roster rows without accounts, waiting for a batch, and reading the credentials off a letter PDF. */
final class LetterFixture {

	private static final AtomicInteger SEQUENCE = new AtomicInteger(5000 + (int) (System.nanoTime() % 1000));

	/** The user ID a letter prints (a 仮ユーザID or the account's own). */
	static final Pattern LOGIN_ID = Pattern.compile("ユーザID\\s*([a-z0-9._@-]{8,13})(?![a-z0-9._@-])");

	static final Pattern PASSWORD = Pattern.compile("仮パスワード\\s*([A-HJ-NP-Za-km-z2-9]{12})(?![A-Za-z0-9])");

	private LetterFixture() {
	}

	/** An insured person (枝番 00) with no account, with an address for the envelope, and a spouse. */
	static Member insuredWithoutAccount(MemberDirectory members, JdbcClient jdbc, Kenpo kenpo, String employerCode) {
		int n = SEQUENCE.incrementAndGet();
		String symbol = "8".repeat(kenpo.symbolDigits());
		String number = String.format("%0" + kenpo.numberDigits() + "d", n % (int) Math.pow(10, kenpo.numberDigits()));
		NewMember insured = new NewMember(symbol, number, "00", "通知 一郎" + n, "ツウチ イチロウ",
				LocalDate.of(1980, 5, 6), Sex.MALE, "本人", LocalDate.of(2024, 4, 1), null, 3, false, employerCode,
				employerCode == null ? null : "通知試験事業所");
		Member member = members.register(kenpo.id(), insured);
		members.register(kenpo.id(), new NewMember(symbol, number, "01", "通知 花子" + n, "ツウチ ハナコ",
				LocalDate.of(1982, 2, 3), Sex.FEMALE, "妻", LocalDate.of(2024, 4, 1), null));
		jdbc.sql("update member set postal_code = ?, address = ? where id = ?")
			.params("123-4567", "東京都千代田区丸の内一丁目" + n + "番 通知ビル", member.id())
			.update();
		return member;
	}

	static LetterBatch awaitDone(LetterBatches batches, long kenpoId, long id) {
		return Eventually.value(Duration.ofSeconds(90),
				() -> batches.find(kenpoId, id).filter(b -> !b.state().working()),
				() -> "letter batch " + id + " still working");
	}

	/** Each page's text by the name on it. */
	static Map<String, String> pagesByName(byte[] pdf) {
		Map<String, String> pages = new LinkedHashMap<>();
		try (PDDocument document = Loader.loadPDF(pdf)) {
			PDFTextStripper stripper = new PDFTextStripper();
			for (int page = 1; page <= document.getNumberOfPages(); page++) {
				stripper.setStartPage(page);
				stripper.setEndPage(page);
				String text = stripper.getText(document);
				Matcher name = Pattern.compile("(\\S+ \\S+) 様").matcher(text);
				pages.put(name.find() ? name.group(1) : "page " + page, text);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return pages;
	}

	/** The user ID and password on a letter's page. */
	static String[] credentials(String pageText) {
		Matcher id = LOGIN_ID.matcher(pageText);
		Matcher password = PASSWORD.matcher(pageText);
		if (!id.find() || !password.find()) {
			throw new AssertionError("no credentials in: " + pageText);
		}
		return new String[] { id.group(1), password.group(1) };
	}
}
