package org.hearth.platform;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the database is. With no {@code url} Hearth starts its own embedded PostgreSQL under
 * {@code hearth.data-dir}/postgres; with one, it connects there and starts nothing.
 *
 * @param url JDBC URL of an external PostgreSQL ({@code HEARTH_DB_URL}); empty for the embedded one
 * @param user the application's role: reads and writes data, never alters schema
 * @param password password of {@code user}
 * @param ownerUser the role that owns the schemas and runs migrations; defaults to {@code user}
 * @param ownerPassword password of {@code ownerUser}
 * @param ephemeral embedded only: a fresh data directory that is deleted on shutdown (tests)
 */
@ConfigurationProperties("hearth.db")
public record DatabaseProperties(@Nullable String url, @Nullable String user, @Nullable String password,
		@Nullable String ownerUser, @Nullable String ownerPassword, boolean ephemeral) {

	public boolean embedded() {
		return url == null || url.isBlank();
	}
}
