package jp.kenpoportal.member;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Finds households of one kenpo for the staff console's member support: by 記号・番号 or by
 * カナ氏名, partial, ignoring spaces, answered as the households' insured persons, a page at a
 * time. The caller normalises what staff typed (NFKC: 全角/半角 alike).
 */
@Service
public class RosterSearch {

	private final JdbcClient jdbc;

	private final MemberDirectory members;

	RosterSearch(JdbcClient jdbc, MemberDirectory members) {
		this.jdbc = jdbc;
		this.members = members;
	}

	/** Households whose 記号 followed by 番号 contains the digits. */
	public List<Member> bySymbolAndNumber(long kenpoId, String digits, int offset, int limit) {
		return households(kenpoId, "m.symbol || m.number like ? escape '\\'", digits, offset, limit);
	}

	/** Households with a person whose カナ氏名 contains the カナ (spaces ignored on both sides). */
	public List<Member> byKanaName(long kenpoId, String kana, int offset, int limit) {
		return households(kenpoId, "replace(replace(m.name_kana, ' ', ''), '　', '') like ? escape '\\'",
				kana.replace(" ", "").replace("　", ""), offset, limit);
	}

	/**
	 * The households (their insured) with a member found, in 記号・番号 order. The rows of a
	 * released number (released_by_import) form their own household; compared with coalesce, as
	 * "is not distinct from" kept the planner from probing the household index and it read the
	 * whole member table (QueryPlansTest).
	 */
	private List<Member> households(long kenpoId, String condition, String text, int offset, int limit) {
		// the condition is one of this class's own, never typed text
		String sql = """
				select distinct i.id, i.symbol, i.number from member m
				join member i on i.kenpo_id = m.kenpo_id and i.symbol = m.symbol and i.number = m.number
				  and i.branch = '00' and coalesce(i.released_by_import, 0) = coalesce(m.released_by_import, 0)
				where m.kenpo_id = ? and %s
				order by i.symbol, i.number, i.id limit ? offset ?""".formatted(condition);
		List<Long> ids = jdbc.sql(sql)
			.params(kenpoId, "%" + escapeLike(text) + "%", limit, offset)
			.query((rs, n) -> rs.getLong(1))
			.list();
		return ids.stream().map(id -> members.find(kenpoId, id)).flatMap(Optional::stream).toList();
	}

	static String escapeLike(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}
}
