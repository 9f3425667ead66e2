package jp.kenpoportal.portal;

import java.util.List;

import jp.kenpoportal.tenant.Kenpo;

/**
 * A service on the home page. Services not built yet say 準備中 and link nowhere: no
 * pretend data.
 *
 * @param code the service's code in the kenpo's settings
 * @param titleKey message key of its name
 * @param path where it lives, or null while it is being prepared
 */
public record ServiceTile(String code, String titleKey, String path) {

	private static final List<ServiceTile> ALL = List.of(
			new ServiceTile("medical", "service.medical", null),
			new ServiceTile("benefit", "service.benefit", null),
			new ServiceTile("qualification", "service.qualification", null),
			new ServiceTile("flu", "service.flu", null));

	public boolean ready() {
		return path != null;
	}

	static List<ServiceTile> forKenpo(Kenpo kenpo) {
		return ALL.stream().filter(t -> kenpo.enabledServices().contains(t.code())).toList();
	}
}
