package jp.kenpoportal.signin.internal;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;

import jp.kenpoportal.common.SecuritySettings;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.config.annotation.web.http.JdbcHttpSessionConfiguration;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.SimpleTransactionStatus;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The session store as the session filter and {@code SessionControl} see it: Spring Session's
 * JDBC repository, with two costs of every signed-in request taken off. The session is still
 * read from the database at the start of every request, so a session ended on any node (sign-out,
 * 他のブラウザからログアウト, expiry) is refused on the next request everywhere.
 *
 * <ul>
 * <li><b>The last-access time is written when it is stale</b>, not on every request: a request
 * writes it back only if the stored value is {@link SecuritySettings#sessionTouchInterval()} (60 s)
 * old or more. Expiry is the stored last access plus the idle timeout, read by every node from the
 * database, so an idle session ends between 29 and 30 minutes after the last request (up to the
 * interval early, never late), on every node alike. Any other change to the session (an attribute,
 * the ID, the timeout) is saved as before, with the last access as stored.
 * <li><b>No second read of a session just saved.</b> The session filter commits the session when the
 * response is committed and once more when the request ends; the second time it looks the session
 * up again for its ID only (spring-session#1731, open), a query and a transaction per request. A
 * look-up of the session this thread saved in this very request answers with what was saved; a
 * filter around the session filter forgets it when the request ends, so the next request always
 * reads the database.
 * <li><b>The read is one statement, not a transaction.</b> Spring Session reads a session (its row
 * joined with its attributes, one SELECT) inside a transaction of its own, which costs a COMMIT round
 * trip and the connection's auto-commit switched off and on again on every request. One statement is
 * a consistent snapshot on its own, so the read runs in auto-commit; writes (save, delete, the
 * principal's index) keep their transactions.
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class SessionStore {

	/** A just-saved session answers a look-up for at most this long (the request normally ends in microseconds). */
	private static final long SAVED_VALID_NANOS = Duration.ofSeconds(10).toNanos();

	/**
	 * Spring Boot's JDBC session repository, decorated where it is made: the session filter and
	 * {@code SessionControl} both get the decorated one. (A session repository bean of our own
	 * would switch Spring Boot's session configuration off, and a transaction-operations bean of our
	 * own Spring Boot's {@code TransactionTemplate}: hence a post-processor.)
	 */
	@Bean
	static BeanPostProcessor sessionStoreDecorator(ObjectProvider<SecuritySettings> settings,
			ObjectProvider<PlatformTransactionManager> transactions) {
		return new Decorator(settings, transactions);
	}

	/** Hands Spring Session its transactions ({@link ReadsWithoutTransaction}), then decorates its repository. */
	private static final class Decorator implements BeanPostProcessor {

		private final ObjectProvider<SecuritySettings> settings;

		private final ObjectProvider<PlatformTransactionManager> transactions;

		private ReadsWithoutTransaction reads;

		Decorator(ObjectProvider<SecuritySettings> settings, ObjectProvider<PlatformTransactionManager> transactions) {
			this.settings = settings;
			this.transactions = transactions;
		}

		@Override
		public Object postProcessBeforeInitialization(Object bean, String beanName) {
			if (bean instanceof JdbcHttpSessionConfiguration configuration) {
				// what Spring Session would make itself: a new transaction for each of its operations
				TransactionTemplate template = new TransactionTemplate(transactions.getObject());
				template.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
				reads = new ReadsWithoutTransaction(template);
				configuration.setTransactionOperations(reads);
			}
			return bean;
		}

		@Override
		public Object postProcessAfterInitialization(Object bean, String beanName) {
			if (bean instanceof JdbcIndexedSessionRepository jdbc) {
				if (reads == null) {
					throw new IllegalStateException("Spring Session's JDBC configuration was not seen before its repository");
				}
				return new Repository(jdbc, settings.getObject().sessionTouchInterval(), reads);
			}
			return bean;
		}
	}

	@Bean
	FilterRegistrationBean<Filter> sessionStoreRequestEnd(FindByIndexNameSessionRepository<?> sessions) {
		if (!(sessions instanceof Repository repository)) {
			throw new IllegalStateException("the session repository is not decorated: " + sessions.getClass());
		}
		Filter filter = (ServletRequest request, ServletResponse response, FilterChain chain) -> {
			try {
				chain.doFilter(request, response);
			}
			finally {
				repository.forgetSaved();
			}
		};
		FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(filter);
		registration.setName("sessionStoreRequestEnd");
		// outside the session filter, so its last commit happens before this forgets
		registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.ASYNC);
		return registration;
	}

	/** Spring Session's repository with the changes above; everything else is passed through. */
	static final class Repository implements FindByIndexNameSessionRepository<Session> {

		private final FindByIndexNameSessionRepository<Session> delegate;

		private final Duration touchInterval;

		private final ThreadLocal<Saved> saved = new ThreadLocal<>();

		private final ReadsWithoutTransaction reads;

		@SuppressWarnings({ "unchecked", "rawtypes" })
		Repository(JdbcIndexedSessionRepository jdbc, Duration touchInterval, ReadsWithoutTransaction reads) {
			this.delegate = (FindByIndexNameSessionRepository) jdbc;
			this.touchInterval = touchInterval;
			this.reads = reads;
		}

		@Override
		public Session createSession() {
			return new StoredSession(delegate.createSession(), Duration.ZERO);
		}

		@Override
		public void save(Session session) {
			delegate.save(unwrap(session));
			saved.set(new Saved(session, System.nanoTime()));
		}

		@Override
		public Session findById(String id) {
			Saved justSaved = saved.get();
			saved.remove();
			if (justSaved != null && justSaved.session.getId().equals(id)
					&& System.nanoTime() - justSaved.at < SAVED_VALID_NANOS) {
				return justSaved.session;
			}
			Session found = reads.nextWithoutTransaction(() -> delegate.findById(id));
			return found == null ? null : new StoredSession(found, touchInterval);
		}

		@Override
		public void deleteById(String id) {
			saved.remove();
			delegate.deleteById(id);
		}

		@Override
		public Map<String, Session> findByIndexNameAndIndexValue(String indexName, String indexValue) {
			return delegate.findByIndexNameAndIndexValue(indexName, indexValue);
		}

		@Override
		public Map<String, Session> findByPrincipalName(String principalName) {
			return delegate.findByPrincipalName(principalName);
		}

		void forgetSaved() {
			saved.remove();
		}

		private static Session unwrap(Session session) {
			return session instanceof StoredSession s ? s.delegate : session;
		}

		private record Saved(Session session, long at) {
		}
	}

	/**
	 * Spring Session's transaction template, except for the first callback run inside
	 * {@link #nextWithoutTransaction}: the session read by ID, a single SELECT, runs in auto-commit.
	 * Anything the repository does after it in the same call (deleting an expired session) is
	 * transactional again.
	 */
	static final class ReadsWithoutTransaction implements TransactionOperations {

		private final TransactionOperations transactional;

		private final ThreadLocal<Boolean> skipNext = new ThreadLocal<>();

		ReadsWithoutTransaction(TransactionOperations transactional) {
			this.transactional = transactional;
		}

		<T> T nextWithoutTransaction(java.util.function.Supplier<T> read) {
			skipNext.set(Boolean.TRUE);
			try {
				return read.get();
			}
			finally {
				skipNext.remove();
			}
		}

		@Override
		public <T> T execute(TransactionCallback<T> action) throws TransactionException {
			if (skipNext.get() != null) {
				skipNext.remove();
				return action.doInTransaction(new SimpleTransactionStatus(false));
			}
			return transactional.execute(action);
		}
	}

	/** A session as loaded: a new last-access time reaches the store only once the stored one is stale. */
	static final class StoredSession implements Session {

		private final Session delegate;

		private final Duration touchInterval;

		StoredSession(Session delegate, Duration touchInterval) {
			this.delegate = delegate;
			this.touchInterval = touchInterval;
		}

		@Override
		public void setLastAccessedTime(Instant lastAccessedTime) {
			if (!lastAccessedTime.isBefore(delegate.getLastAccessedTime().plus(touchInterval))) {
				delegate.setLastAccessedTime(lastAccessedTime);
			}
		}

		@Override
		public String getId() {
			return delegate.getId();
		}

		@Override
		public String changeSessionId() {
			return delegate.changeSessionId();
		}

		@Override
		public <T> T getAttribute(String attributeName) {
			return delegate.getAttribute(attributeName);
		}

		@Override
		public Set<String> getAttributeNames() {
			return delegate.getAttributeNames();
		}

		@Override
		public void setAttribute(String attributeName, Object attributeValue) {
			delegate.setAttribute(attributeName, attributeValue);
		}

		@Override
		public void removeAttribute(String attributeName) {
			delegate.removeAttribute(attributeName);
		}

		@Override
		public Instant getCreationTime() {
			return delegate.getCreationTime();
		}

		@Override
		public Instant getLastAccessedTime() {
			return delegate.getLastAccessedTime();
		}

		@Override
		public void setMaxInactiveInterval(Duration interval) {
			delegate.setMaxInactiveInterval(interval);
		}

		@Override
		public Duration getMaxInactiveInterval() {
			return delegate.getMaxInactiveInterval();
		}

		@Override
		public boolean isExpired() {
			return delegate.isExpired();
		}
	}
}
