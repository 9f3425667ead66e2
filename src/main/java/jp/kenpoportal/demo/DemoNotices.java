package jp.kenpoportal.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jp.kenpoportal.portal.Notices;
import jp.kenpoportal.tenant.ExternalLink;
import jp.kenpoportal.tenant.Kenpo;
import jp.kenpoportal.tenant.KenpoDirectory;

/**
 * お知らせ of a demo kenpo, dated around the day of seeding: some out, one taken down already,
 * one not out yet (so the publication window shows); and its link tiles.
 */
final class DemoNotices {

	private DemoNotices() {
	}

	private record DemoNotice(String title, String body, int fromDaysAgo, Integer untilDaysAgo) {
	}

	private static final List<DemoNotice> NOTICES = List.of(
			new DemoNotice("マイナ保険証のご利用について",
					"医療機関・薬局では、マイナンバーカードを健康保険証として利用する「マイナ保険証」をご利用ください。\n"
							+ "資格情報は「資格情報のお知らせ」からいつでも確認・印刷できます。",
					60, null),
			new DemoNotice("Webサービスの定期メンテナンスのお知らせ",
					"システムメンテナンスのため、日曜日の午前2時から午前6時まで本サービスを停止します。", 45, 30),
			new DemoNotice("インフルエンザ予防接種費用補助のご案内",
					"今年度もインフルエンザ予防接種費用の一部を補助します。対象は被保険者とご家族で、1人1回2,000円までです。\n"
							+ "接種後、領収書をお手元にご用意のうえ申請してください。",
					20, null),
			new DemoNotice("医療費のお知らせを更新しました",
					"新しい診療月の医療費のお知らせを掲載しました。医療費控除の申告には「医療費控除の申告用データ」をご利用ください。",
					10, null),
			new DemoNotice("年末年始の窓口休業について",
					"12月29日から1月3日まで、当組合の窓口および電話受付を休業します。Webサービスは期間中もご利用いただけます。",
					3, null),
			new DemoNotice("【予告】来年度の健康診断のご案内",
					"来年度の健康診断の申込方法をお知らせします。", -10, null));

	static void seed(Notices notices, Kenpo kenpo, Instant now) {
		for (DemoNotice n : NOTICES) {
			Instant from = now.minus(Duration.ofDays(n.fromDaysAgo));
			Instant until = n.untilDaysAgo == null ? null : now.minus(Duration.ofDays(n.untilDaysAgo));
			notices.publish(kenpo.id(), n.title, n.body, from, until);
		}
	}

	/** Link tiles to services the kenpo runs elsewhere; the addresses are reserved example domains. */
	static void seedLinks(KenpoDirectory kenpos, Kenpo kenpo) {
		List<ExternalLink> links = switch (kenpo.code()) {
			case "sakura" -> List.of(new ExternalLink("人間ドック等予約", "https://dock.sakura-denki.example/"),
					new ExternalLink("電子申請", "https://apply.sakura-denki.example/"),
					new ExternalLink("Travel Service", "https://travel.sakura-denki.example/"));
			case "aoba" -> List.of(new ExternalLink("人間ドック等予約", "https://dock.aoba-foods.example/"));
			case "kaede" -> List.of(new ExternalLink("電子申請", "https://apply.kaede-chem.example/"));
			default -> List.of();
		};
		links.forEach(link -> kenpos.addLink(kenpo.id(), link));
	}
}
