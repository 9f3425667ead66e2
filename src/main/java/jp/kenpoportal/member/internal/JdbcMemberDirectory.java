package jp.kenpoportal.member.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import jp.kenpoportal.member.Member;
import jp.kenpoportal.member.MemberDirectory;
import jp.kenpoportal.member.NewMember;
import jp.kenpoportal.member.Sex;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcMemberDirectory implements MemberDirectory {

	private final JdbcClient jdbc;

	JdbcMemberDirectory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Optional<Member> find(long kenpoId, long memberId) {
		return jdbc.sql("select * from member where kenpo_id = ? and id = ?")
			.params(kenpoId, memberId)
			.query(JdbcMemberDirectory::map)
			.optional();
	}

	@Override
	public List<Member> household(long kenpoId, long memberId) {
		return jdbc.sql("""
				select m.* from member m
				join member me on me.kenpo_id = m.kenpo_id and me.symbol = m.symbol and me.number = m.number
				where me.kenpo_id = ? and me.id = ? order by m.branch""")
			.params(kenpoId, memberId)
			.query(JdbcMemberDirectory::map)
			.list();
	}

	@Override
	public List<Long> insuredOfHouseholds(long kenpoId, java.util.Collection<Long> memberIds) {
		return jdbc.sql("""
				select distinct i.id from member m
				join member i on i.kenpo_id = m.kenpo_id and i.symbol = m.symbol and i.number = m.number and i.branch = '00'
				where m.kenpo_id = ? and m.id = any(?) and not m.hidden_from_household""")
			.params(kenpoId, memberIds.toArray(Long[]::new))
			.query(Long.class)
			.list();
	}

	@Override
	public Member register(long kenpoId, NewMember m) {
		long id = jdbc.sql("""
				insert into member (kenpo_id, symbol, number, branch, name, name_kana, birth_date, sex, relationship,
				  acquired_on, lost_on, burden_ratio, hidden_from_household)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(kenpoId, m.symbol(), m.number(), m.branch(), m.name(), m.nameKana(), Date.valueOf(m.birthDate()),
					m.sex().name(), m.relationship(), Date.valueOf(m.acquiredOn()),
					m.lostOn() == null ? null : Date.valueOf(m.lostOn()), m.burdenRatio(), m.hiddenFromHousehold())
			.query(Long.class)
			.single();
		return find(kenpoId, id).orElseThrow();
	}

	private static Member map(ResultSet rs, int row) throws SQLException {
		Date lost = rs.getDate("lost_on");
		int ratio = rs.getInt("burden_ratio");
		Integer burdenRatio = rs.wasNull() ? null : ratio;
		return new Member(rs.getLong("id"), rs.getLong("kenpo_id"), rs.getString("symbol"), rs.getString("number"),
				rs.getString("branch"), rs.getString("name"), rs.getString("name_kana"),
				rs.getDate("birth_date").toLocalDate(), Sex.valueOf(rs.getString("sex")), rs.getString("relationship"),
				rs.getDate("acquired_on").toLocalDate(), lost == null ? null : lost.toLocalDate(), burdenRatio,
				rs.getBoolean("hidden_from_household"));
	}
}
