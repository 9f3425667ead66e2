package jp.kenpoportal.flu;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Receipt files in PostgreSQL (bytea), only ever as {@link ReceiptCheck} left them. Reading names
 * the kenpo and the application, and callers have found the application through the household or
 * the staff member's kenpo first.
 */
@Service
public class FluReceipts {

	/** Receipts one application may carry. */
	public static final int MAX_PER_APPLICATION = 10;

	private final JdbcClient jdbc;

	private final Clock clock;

	FluReceipts(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Stores a checked file on an application the member may still change. */
	public long store(FluApplication app, ReceiptCheck.Result checked, String fileName) {
		if (!checked.accepted() || !app.state().editableByMember()) {
			throw new IllegalArgumentException("only accepted files on an editable application");
		}
		return jdbc.sql("""
				insert into flu_receipt (kenpo_id, application_id, file_type, file_name, sha256, size, data, created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(app.kenpoId(), app.id(), checked.type().name(), displayName(fileName, checked.type()),
					sha256(checked.bytes()), checked.bytes().length, checked.bytes(), Timestamp.from(clock.instant()))
			.query(Long.class)
			.single();
	}

	public int count(FluApplication app) {
		return jdbc.sql("select count(*) from flu_receipt where kenpo_id = ? and application_id = ?")
			.params(app.kenpoId(), app.id())
			.query(Integer.class)
			.single();
	}

	/** Removes a receipt the member replaced; only while the application may be changed. */
	public boolean remove(FluApplication app, long receiptId) {
		return app.state().editableByMember() && jdbc.sql("delete from flu_receipt where kenpo_id = ? and application_id = ? and id = ?")
			.params(app.kenpoId(), app.id(), receiptId)
			.update() == 1;
	}

	/** The file's bytes, for an application already found in the right kenpo and household. */
	public Optional<ReceiptFile> read(FluApplication app, long receiptId) {
		return jdbc.sql("""
				select id, application_id, file_type, file_name, size, sha256, data from flu_receipt
				where kenpo_id = ? and application_id = ? and id = ?""")
			.params(app.kenpoId(), app.id(), receiptId)
			.query((rs, n) -> new ReceiptFile(info(rs), rs.getBytes("data")))
			.optional();
	}

	/** A stored file. */
	public record ReceiptFile(ReceiptInfo info, byte[] bytes) {
	}

	static ReceiptInfo info(ResultSet rs) throws SQLException {
		return new ReceiptInfo(rs.getLong("id"), rs.getLong("application_id"), ReceiptType.valueOf(rs.getString("file_type")),
				rs.getString("file_name"), rs.getInt("size"), rs.getString("sha256"));
	}

	/**
	 * The name the member's file had, for the list only: path, control characters and length cut.
	 * Unicode's control and format categories ({@code \p{Cntrl}} is ASCII's only, and let C1
	 * controls through), a path across line separators too, and the cut at 100 characters, not
	 * chars, so no half of an emoji is left (both found by fuzzing).
	 */
	static String displayName(String name, ReceiptType type) {
		String base = name == null ? ""
				: name.replaceAll("(?s).*[/\\\\]", "").replaceAll("[\\p{Cc}\\p{Cf}\\p{Cs}]", "").strip();
		if (base.isEmpty()) {
			base = "receipt." + type.extension();
		}
		return base.codePointCount(0, base.length()) > 100 ? base.substring(0, base.offsetByCodePoints(0, 100)) : base;
	}

	static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
