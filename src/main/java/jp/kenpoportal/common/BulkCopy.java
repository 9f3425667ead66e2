package jp.kenpoportal.common;

import java.io.IOException;
import java.io.Reader;
import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.postgresql.PGConnection;

import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * PostgreSQL {@code COPY … FROM STDIN} on the connection of the current transaction, so a file
 * copied into a staging table and the merge that follows commit or roll back together. The
 * reader is streamed to the server; nothing of it is held in the heap.
 */
@Component
public class BulkCopy {

	private final DataSource dataSource;

	public BulkCopy(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/** Runs the COPY statement with the reader as its input; the number of rows copied. */
	public long copyIn(String copySql, Reader csv) {
		Connection connection = DataSourceUtils.getConnection(dataSource);
		try {
			return connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql, csv);
		}
		catch (SQLException | IOException e) {
			throw new IllegalStateException("COPY failed: " + e.getMessage(), e);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
	}
}
