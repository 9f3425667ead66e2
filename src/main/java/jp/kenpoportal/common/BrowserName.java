package jp.kenpoportal.common;

/**
 * A short name for a User-Agent, such as "Chrome (Windows)", so a member recognises their
 * own devices in lists; the raw string means nothing to most people.
 */
public final class BrowserName {

	private BrowserName() {
	}

	public static String of(String userAgent) {
		if (userAgent == null || userAgent.isBlank() || "-".equals(userAgent)) {
			return "-";
		}
		String browser = browser(userAgent);
		String system = system(userAgent);
		if (browser == null) {
			// unknown: only harmless characters, never a link
			String shown = userAgent.replaceAll("[^A-Za-z0-9 ._/()-]", "").replace("//", "/");
			return shown.length() > 40 ? shown.substring(0, 40) + "…" : shown;
		}
		return system == null ? browser : browser + " (" + system + ")";
	}

	private static String browser(String ua) {
		if (ua.contains("Edg/")) {
			return "Edge";
		}
		if (ua.contains("Firefox/")) {
			return "Firefox";
		}
		if (ua.contains("Chrome/") || ua.contains("CriOS/")) {
			return "Chrome";
		}
		if (ua.contains("Safari/") && ua.contains("Version/")) {
			return "Safari";
		}
		return null;
	}

	private static String system(String ua) {
		if (ua.contains("iPhone")) {
			return "iPhone";
		}
		if (ua.contains("iPad")) {
			return "iPad";
		}
		if (ua.contains("Android")) {
			return "Android";
		}
		if (ua.contains("Windows")) {
			return "Windows";
		}
		if (ua.contains("Mac OS X") || ua.contains("Macintosh")) {
			return "Mac";
		}
		if (ua.contains("CrOS")) {
			return "ChromeOS";
		}
		if (ua.contains("Linux")) {
			return "Linux";
		}
		return null;
	}
}
