package jp.kenpoportal.portal;

import java.util.List;

import jp.kenpoportal.tenant.Kenpo;

/**
 * A service on the home page. Services not built yet say 準備中 and link nowhere: no
 * pretend data.
 *
 * @param code the service's code in the kenpo's settings
 * @param titleKey message key of its name
 * @param descriptionKey message key of one line on what it offers
 * @param path where it lives, or null while it is being prepared
 */
public record ServiceTile(String code, String titleKey, String descriptionKey, String path) {

	private static final List<ServiceTile> ALL = List.of(
			new ServiceTile("medical", "service.medical", "service.medical.description", "/medical"),
			new ServiceTile("benefit", "service.benefit", "service.benefit.description", "/benefits"),
			new ServiceTile("qualification", "service.qualification", "service.qualification.description",
					"/qualification"),
			new ServiceTile("flu", "service.flu", "service.flu.description", "/flu"));

	public boolean ready() {
		return path != null;
	}

	static List<ServiceTile> forKenpo(Kenpo kenpo) {
		return ALL.stream().filter(t -> kenpo.enabledServices().contains(t.code())).toList();
	}
}
