package org.hearth.platform;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;

/**
 * Run in a child JVM by {@link CrashRecoveryTest}: opens the embedded database in the given directory, commits a
 * row, says READY and waits to be killed.
 */
public final class CrashingServer {

	private CrashingServer() {
	}

	public static void main(String[] args) throws Exception {
		EmbeddedDatabase database = EmbeddedDatabase.open(Path.of(args[0]), false);
		DatabaseEndpoint owner = database.endpoint(EmbeddedDatabase.OWNER_ROLE);
		var properties = new Properties();
		properties.setProperty("user", owner.user());
		try (var connection = DriverManager.getConnection(owner.url(), properties);
				var statement = connection.createStatement()) {
			statement.execute("CREATE TABLE IF NOT EXISTS crash_probe (value text NOT NULL)");
			statement.execute("INSERT INTO crash_probe (value) VALUES ('" + args[1].replace("'", "''") + "')");
		}
		System.out.println("READY");
		System.out.flush();
		new CountDownLatch(1).await();
	}
}
