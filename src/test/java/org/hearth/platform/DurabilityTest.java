package org.hearth.platform;

import org.hearth.HearthTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Zonky starts PostgreSQL for throw-away data; Hearth's embedded server must not lose a committed row. */
@HearthTest
class DurabilityTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void theEmbeddedServerSyncsEveryCommitToDisk() {
		assertThat(setting("fsync")).isEqualTo("on");
		assertThat(setting("synchronous_commit")).isEqualTo("on");
		assertThat(setting("full_page_writes")).isEqualTo("on");
	}

	private String setting(String name) {
		return jdbc.sql("SELECT current_setting(?)").param(name).query(String.class).single();
	}
}
