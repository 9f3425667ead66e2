package jp.kenpoportal.account;

import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import me.gosimple.nbvcxz.resources.DictionaryUtil;
import org.passay.dictionary.Dictionary;

/**
 * Passwords known from breaches, and the small changes people make to them to pass a policy.
 * The corpus is nbvcxz's list of the 100,000 most common passwords of public breach
 * compilations (a maintained library, MIT). A password is refused when, case-folded, it is
 * an entry of the list, or when its stem is the stem of an entry: the stem drops a trailing run
 * of digits and symbols ({@code password123!} → {@code password}) and reads look-alike characters
 * as one ({@code P@ssw0rd} → {@code password}), so {@code Passw0rd!}, {@code P@ssword1} and
 * {@code password123!} are all refused. Stems shorter than {@link #MIN_STEM} are not compared:
 * entries such as {@code abc123} would refuse too many sound passwords that merely end in digits.
 * (NIST 800-63B 3.1.1.2: compare against values known to be commonly used or compromised.)
 */
final class BreachedPasswords implements Dictionary {

	/** The shortest stem compared: four letters still name a common word, three mostly do not. */
	static final int MIN_STEM = 4;

	private static final Pattern TRAILING_DIGITS_AND_SYMBOLS = Pattern.compile("[^\\p{L}]+$");

	private final Set<String> entries;

	private final Set<String> stems;

	BreachedPasswords() {
		Map<String, Integer> ranked = DictionaryUtil.loadRankedDictionary(DictionaryUtil.passwords);
		Set<String> e = new HashSet<>(ranked.size() * 2);
		Set<String> s = new HashSet<>(ranked.size() * 2);
		for (String entry : ranked.keySet()) {
			String word = entry.strip().toLowerCase(Locale.ROOT);
			if (!word.isEmpty()) {
				e.add(word);
				String stem = stem(word);
				if (stem.length() >= MIN_STEM) {
					s.add(stem);
				}
			}
		}
		this.entries = Set.copyOf(e);
		this.stems = Set.copyOf(s);
	}

	@Override
	public boolean search(CharSequence password) {
		String word = password.toString().toLowerCase(Locale.ROOT);
		if (entries.contains(word)) {
			return true;
		}
		String stem = stem(word);
		return stem.length() >= MIN_STEM && stems.contains(stem);
	}

	@Override
	public long size() {
		return entries.size();
	}

	/** How many entries the corpus holds of at least {@code length} characters (for tests and the README). */
	long entriesOfAtLeast(int length) {
		return entries.stream().filter(w -> w.length() >= length).count();
	}

	/** Lower case in, the stem out: trailing digits and symbols dropped, look-alikes read as one letter. */
	static String stem(String lowerCase) {
		String base = TRAILING_DIGITS_AND_SYMBOLS.matcher(lowerCase).replaceFirst("");
		StringBuilder b = new StringBuilder(base.length());
		base.codePoints().forEach(c -> b.appendCodePoint(lookAlike(c)));
		return b.toString();
	}

	// Substitutions people make for a policy's "digit" or "symbol", and letters that look the same
	private static int lookAlike(int c) {
		return switch (c) {
			case '0' -> 'o';
			case '1', '!', '|', 'l' -> 'i';
			case '3' -> 'e';
			case '4', '@' -> 'a';
			case '5', '$' -> 's';
			case '7', '+' -> 't';
			case '8' -> 'b';
			case '9' -> 'g';
			default -> c;
		};
	}
}
