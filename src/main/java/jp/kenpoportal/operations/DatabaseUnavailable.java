package jp.kenpoportal.operations;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * When PostgreSQL cannot be reached, members get a page in Japanese that says so and asks them to
 * try again later, with status 503 and the request ID, instead of a stack trace or the general
 * error page (which would need the database again for the session). The pool's connection
 * timeout (spring.datasource.hikari.connection-timeout) keeps the wait short. Rendered without
 * anything that touches the database.
 */
@Component
class DatabaseUnavailable {

	private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailable.class);

	private final ITemplateEngine templates;

	DatabaseUnavailable(ITemplateEngine templates) {
		this.templates = templates;
	}

	/** Answers 503 when {@code failure} comes from an unreachable database; false otherwise. */
	boolean answer(Throwable failure, HttpServletRequest request, HttpServletResponse response) throws IOException {
		if (!isDatabaseUnreachable(failure) || response.isCommitted()) {
			return false;
		}
		log.warn("database unreachable: {}", rootCause(failure).getClass().getName());
		response.reset();
		response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
		response.setHeader("Retry-After", "30");
		response.setHeader("Cache-Control", "no-store");
		response.setHeader(RequestId.HEADER, RequestId.of(request));
		response.setContentType("text/html;charset=UTF-8");
		Context context = new Context(Locale.JAPANESE);
		context.setVariable("requestId", RequestId.of(request));
		byte[] page = templates.process("unavailable", context).getBytes(StandardCharsets.UTF_8);
		response.setContentLength(page.length);
		response.getOutputStream().write(page);
		response.flushBuffer();
		return true;
	}

	static boolean isDatabaseUnreachable(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
			// a commit or rollback that fails fails on the connection, never on the request's data
			if (t instanceof DataAccessResourceFailureException || t instanceof CannotCreateTransactionException
					|| t instanceof TransactionSystemException || t instanceof SQLTransientConnectionException
					|| t instanceof RecoverableDataAccessException || t instanceof TransientDataAccessResourceException
					|| t instanceof SQLRecoverableException || t instanceof SQLNonTransientConnectionException) {
				return true;
			}
			if (t instanceof SQLException sql && sql.getSQLState() != null
					&& (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
				return true;
			}
		}
		return false;
	}

	private static Throwable rootCause(Throwable failure) {
		Throwable t = failure;
		while (t.getCause() != null && t.getCause() != t) {
			t = t.getCause();
		}
		return t;
	}
}
