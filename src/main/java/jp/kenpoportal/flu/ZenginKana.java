package jp.kenpoportal.flu;

import java.text.Normalizer;
import java.util.Map;
import java.util.Optional;

/**
 * Names in the 全銀 character set (DOMAIN.md §7): half-width カナ without small kana, 濁点 and
 * 半濁点, A–Z, 0–9, space and {@code ( ) - .}. What a member types (全角 or 半角 カタカナ, ひらがな,
 * small kana, lower-case letters) is turned into it the way banks ask (small kana written large,
 * ｷﾕｳﾖ); anything else, such as 漢字 or the long-vowel mark, is refused rather than guessed.
 */
public final class ZenginKana {

	private static final String FULL = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲン"
			+ "ァィゥェォャュョッヮヰヱ";

	private static final String HALF = "ｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜｦﾝ" + "ｱｲｳｴｵﾔﾕﾖﾂﾜｲｴ";

	private static final Map<Character, Character> MARKS = Map.of('\u3099', 'ﾞ', '\u309A', 'ﾟ');

	private ZenginKana() {
	}

	/** The name in the 全銀 character set, or empty when it holds a character that has none. */
	public static Optional<String> of(String typed) {
		if (typed == null) {
			return Optional.empty();
		}
		String text = Normalizer.normalize(typed, Normalizer.Form.NFKC).strip().replaceAll("\\s+", " ");
		text = Normalizer.normalize(hiraganaToKatakana(text), Normalizer.Form.NFD);
		StringBuilder out = new StringBuilder(text.length());
		for (char c : text.toCharArray()) {
			int i = FULL.indexOf(c);
			if (i >= 0) {
				out.append(HALF.charAt(i));
			}
			else if (MARKS.containsKey(c)) {
				out.append(MARKS.get(c));
			}
			else if (c >= 'a' && c <= 'z') {
				out.append((char) (c - 'a' + 'A'));
			}
			else if (allowed(c)) {
				out.append(c);
			}
			else {
				return Optional.empty();
			}
		}
		return out.isEmpty() ? Optional.empty() : Optional.of(out.toString());
	}

	/** Whether every character of an already converted name is in the 全銀 set. */
	public static boolean valid(String name) {
		return name != null && !name.isEmpty() && name.chars().allMatch(c -> allowed((char) c));
	}

	private static boolean allowed(char c) {
		boolean kana = (c >= 'ｦ' && c <= 'ﾟ') && !(c >= 'ｧ' && c <= 'ｰ');
		return kana || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || " ()-.".indexOf(c) >= 0;
	}

	private static String hiraganaToKatakana(String text) {
		StringBuilder out = new StringBuilder(text.length());
		for (char c : text.toCharArray()) {
			out.append(c >= 'ぁ' && c <= 'ゖ' ? (char) (c + 0x60) : c);
		}
		return out.toString();
	}
}
