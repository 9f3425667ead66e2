package jp.kenpoportal.member.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jp.kenpoportal.member.Employer;
import jp.kenpoportal.member.Member;
import jp.kenpoportal.member.MemberDirectory;
import jp.kenpoportal.member.NewMember;
import jp.kenpoportal.member.QualificationKind;
import jp.kenpoportal.member.Sex;

import org.springframework.jdbc.core.SqlParameterValue;
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
	public Optional<Member> findByNumber(long kenpoId, String symbol, String number, String branch) {
		return jdbc.sql("""
				select * from member where kenpo_id = ? and symbol = ? and number = ? and branch = ?
				  and released_by_import is null""")
			.params(kenpoId, symbol, number, branch)
			.query(JdbcMemberDirectory::map)
			.optional();
	}

	@Override
	public List<Member> household(long kenpoId, long memberId) {
		return jdbc.sql("""
				select m.* from member m
				join member me on me.kenpo_id = m.kenpo_id and me.symbol = m.symbol and me.number = m.number
				  and m.released_by_import is not distinct from me.released_by_import
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
				  and i.released_by_import is not distinct from m.released_by_import
				where m.kenpo_id = ? and m.id = any(?) and not m.hidden_from_household""")
			.params(kenpoId, memberIds.toArray(Long[]::new))
			.query(Long.class)
			.list();
	}

	@Override
	public Member register(long kenpoId, NewMember m) {
		long id = jdbc.sql("""
				insert into member (kenpo_id, symbol, number, branch, name, name_kana, birth_date, sex, relationship,
				  acquired_on, lost_on, burden_ratio, hidden_from_household, employer_code, employer_name,
				  qualification_kind)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(kenpoId, m.symbol(), m.number(), m.branch(), m.name(), m.nameKana(), Date.valueOf(m.birthDate()),
					m.sex().name(), m.relationship(), Date.valueOf(m.acquiredOn()),
					new SqlParameterValue(Types.DATE, m.lostOn() == null ? null : Date.valueOf(m.lostOn())),
					new SqlParameterValue(Types.INTEGER, m.burdenRatio()), m.hiddenFromHousehold(),
					new SqlParameterValue(Types.VARCHAR, m.employerCode()),
					new SqlParameterValue(Types.VARCHAR, m.employerName()), m.qualificationKind().name())
			.query(Long.class)
			.single();
		return find(kenpoId, id).orElseThrow();
	}

	@Override
	public List<Employer> employers(long kenpoId) {
		// one name per code: the most common spelling, should rows disagree
		return jdbc.sql("""
				select employer_code, mode() within group (order by employer_name) from member
				where kenpo_id = ? and employer_code is not null group by employer_code order by employer_code""")
			.param(kenpoId)
			.query((rs, n) -> new Employer(rs.getString(1), rs.getString(2)))
			.list();
	}

	@Override
	public List<Long> insured(long kenpoId, LocalDate qualifiedOn, Collection<String> employerCodes) {
		return jdbc.sql("""
				select id from member where kenpo_id = ? and branch = '00'
				and (?::date is null or (acquired_on <= ?::date and (lost_on is null or lost_on > ?::date)))
				and (?::text[] is null or employer_code = any(?::text[])) order by id""")
			.params(kenpoId, date(qualifiedOn), date(qualifiedOn), date(qualifiedOn), codes(employerCodes),
					codes(employerCodes))
			.query(Long.class)
			.list();
	}

	private static SqlParameterValue date(LocalDate day) {
		return new SqlParameterValue(Types.DATE, day == null ? null : Date.valueOf(day));
	}

	private static SqlParameterValue codes(Collection<String> codes) {
		return new SqlParameterValue(Types.ARRAY, codes == null ? null : codes.toArray(String[]::new));
	}

	private static Member map(ResultSet rs, int row) throws SQLException {
		Date lost = rs.getDate("lost_on");
		int ratio = rs.getInt("burden_ratio");
		Integer burdenRatio = rs.wasNull() ? null : ratio;
		return new Member(rs.getLong("id"), rs.getLong("kenpo_id"), rs.getString("symbol"), rs.getString("number"),
				rs.getString("branch"), rs.getString("name"), rs.getString("name_kana"),
				rs.getDate("birth_date").toLocalDate(), Sex.valueOf(rs.getString("sex")), rs.getString("relationship"),
				rs.getDate("acquired_on").toLocalDate(), lost == null ? null : lost.toLocalDate(), burdenRatio,
				rs.getBoolean("hidden_from_household"), rs.getString("employer_code"), rs.getString("employer_name"),
				QualificationKind.valueOf(rs.getString("qualification_kind")));
	}
}
