package org.hearth.identity;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AccountRepository {

	private final JdbcClient jdbc;

	AccountRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Account> findByEmail(String email) {
		return jdbc.sql("SELECT * FROM identity.account WHERE email = ?").param(Account.normalizeEmail(email))
				.query(AccountRepository::map).optional();
	}

	Optional<Account> findById(AccountId id) {
		return jdbc.sql("SELECT * FROM identity.account WHERE id = ?").param(id.id())
				.query(AccountRepository::map).optional();
	}

	List<Account> findStaff(OfficeId office, Role role) {
		return jdbc.sql("SELECT * FROM identity.account WHERE office = ? AND ? = ANY(roles) AND status = 'ACTIVE'")
				.param(office.code()).param(role.name()).query(AccountRepository::map).list();
	}

	List<Account> findAllStaff() {
		return jdbc.sql("""
				SELECT * FROM identity.account WHERE NOT ('APPLICANT' = ANY(roles)) ORDER BY office NULLS FIRST, email""")
				.query(AccountRepository::map).list();
	}

	boolean anyActiveWithRole(Role role) {
		return jdbc.sql("SELECT EXISTS (SELECT 1 FROM identity.account WHERE ? = ANY(roles) AND status = 'ACTIVE')")
				.param(role.name()).query(Boolean.class).single();
	}

	boolean anyDemoAccount() {
		return jdbc.sql("SELECT EXISTS (SELECT 1 FROM identity.account WHERE demo)").query(Boolean.class).single();
	}

	void insert(Account account) {
		jdbc.sql("""
				INSERT INTO identity.account (id, email, password_hash, status, roles, office, language, totp_secret,
				  totp_confirmed, demo, created_at, confirmed_at)
				VALUES (?, ?, ?, ?, ?::text[], ?, ?, ?, ?, ?, ?, ?)""")
				.param(account.id().id()).param(account.email()).param(account.passwordHash())
				.param(account.status().name()).param(rolesLiteral(account))
				.param(account.office() == null ? null : account.office().code()).param(account.language())
				.param(account.totpSecret()).param(account.totpConfirmed()).param(account.demo())
				.param(Timestamp.from(account.createdAt()))
				.param(account.confirmedAt() == null ? null : Timestamp.from(account.confirmedAt())).update();
	}

	/** Only what can change after creation: status, language, second factor. */
	void update(Account account) {
		jdbc.sql("""
				UPDATE identity.account SET status = ?, language = ?, totp_secret = ?, totp_confirmed = ?,
				  confirmed_at = ?, password_hash = ? WHERE id = ?""")
				.param(account.status().name()).param(account.language()).param(account.totpSecret())
				.param(account.totpConfirmed())
				.param(account.confirmedAt() == null ? null : Timestamp.from(account.confirmedAt()))
				.param(account.passwordHash()).param(account.id().id()).update();
	}

	/** One statement, no read: called on every submission. */
	void updateLanguage(AccountId id, String language) {
		jdbc.sql("UPDATE identity.account SET language = ? WHERE id = ? AND language <> ?").param(language)
				.param(id.id()).param(language).update();
	}

	private static String rolesLiteral(Account account) {
		return account.roles().stream().map(Role::name).sorted().collect(Collectors.joining(",", "{", "}"));
	}

	static Account map(ResultSet rs, int row) throws SQLException {
		Array array = rs.getArray("roles");
		var roles = EnumSet.noneOf(Role.class);
		Arrays.stream((String[]) array.getArray()).map(Role::valueOf).forEach(roles::add);
		String office = rs.getString("office");
		Timestamp confirmed = rs.getTimestamp("confirmed_at");
		return new Account(new AccountId(rs.getObject("id", UUID.class)), rs.getString("email"),
				rs.getString("password_hash"), Account.Status.valueOf(rs.getString("status")), roles,
				office == null ? null : new OfficeId(office), rs.getString("language"), rs.getString("totp_secret"),
				rs.getBoolean("totp_confirmed"), rs.getBoolean("demo"), rs.getTimestamp("created_at").toInstant(),
				confirmed == null ? null : confirmed.toInstant());
	}
}
