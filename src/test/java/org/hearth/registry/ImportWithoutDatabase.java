package org.hearth.registry;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.AnnotationTransactionAttributeSource;
import org.springframework.transaction.interceptor.TransactionInterceptor;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The registry import without a database, for the fuzz tests: behind the transaction it declares, as Spring runs it,
 * on a transaction manager that does nothing, writing to a stand-in that checks every row against the constraints
 * of registry.person (V1__create_registry.sql) — a row the database would refuse is a 500 for whoever uploaded it.
 */
public final class ImportWithoutDatabase {

	private ImportWithoutDatabase() {
	}

	public static RegistryImport create() {
		var target = new RegistryImport(new Database(), Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC));
		var factory = new ProxyFactory(target);
		factory.setProxyTargetClass(true);
		factory.addAdvice(new TransactionInterceptor(new NoTransactions(), new AnnotationTransactionAttributeSource()));
		return (RegistryImport) factory.getProxy();
	}

	static final class NoTransactions extends AbstractPlatformTransactionManager {

		@Override
		protected Object doGetTransaction() {
			return new Object();
		}

		@Override
		protected void doBegin(Object transaction, TransactionDefinition definition) {
		}

		@Override
		protected void doCommit(DefaultTransactionStatus status) {
		}

		@Override
		protected void doRollback(DefaultTransactionStatus status) {
		}
	}

	static final class Database extends JdbcTemplate {

		/** The advisory lock and the count of households already imported from the same file: none. */
		@Override
		@SuppressWarnings("unchecked")
		public <T> @Nullable T queryForObject(String sql, Class<T> requiredType, @Nullable Object... args) {
			return requiredType == Integer.class ? (T) Integer.valueOf(0) : null;
		}

		@Override
		public int[] batchUpdate(String sql, List<Object[]> rows) {
			for (Object[] row : rows) {
				for (Object value : row) {
					if (value instanceof String text) {
						// PostgreSQL's text cannot hold NUL: "invalid byte sequence for encoding UTF8: 0x00".
						assertThat(text).as("text written").doesNotContain("\u0000");
					}
				}
			}
			if (sql.equals(Registry.INSERT_PERSON)) {
				for (Object[] person : rows) {
					assertThat(characters(person[3])).as("given_name length").isBetween(1, 200);
					assertThat(characters(person[4])).as("family_name length").isBetween(1, 200);
					if (person[5] != null) {
						assertThat(characters(person[5])).as("patronymic length").isLessThanOrEqualTo(200);
					}
					for (int notNull : new int[] { 6, 7, 8, 9 }) {
						assertThat(person[notNull]).as("column %d of %s", notNull, Registry.INSERT_PERSON).isNotNull();
					}
					if (person[13] != null) {
						assertThat(((Number) person[13]).intValue()).as("displaced_year").isBetween(1988, 1994);
					}
				}
			}
			return new int[rows.size()];
		}

		/** PostgreSQL's length(): characters, not UTF-16 units. */
		private static int characters(Object text) {
			String s = (String) text;
			return s.codePointCount(0, s.length());
		}
	}
}
