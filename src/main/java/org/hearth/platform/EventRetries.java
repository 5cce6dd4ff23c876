package org.hearth.platform;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands again to its listener what failed after a commit — an e-mail while the SMTP server was down — on a schedule
 * rather than at restart. With several instances on one database, republishing at restart would give a publication
 * still in flight on one instance to the other as well, and the e-mail would go out twice. Here one instance at a
 * time scans (advisory lock), and Spring Modulith claims each failed publication in the database before handing it
 * on, so each retry runs once. Publications left behind by a crashed instance are marked failed after
 * {@code spring.modulith.events.staleness.*} and retried the same way.
 */
@Component
class EventRetries {

	private static final Logger log = LoggerFactory.getLogger(EventRetries.class);

	private final FailedEventPublications failed;
	private final TransactionTemplate transactions;
	private final JdbcClient jdbc;
	private final Duration minAge;

	EventRetries(FailedEventPublications failed, TransactionTemplate transactions, JdbcClient jdbc,
			@Value("${hearth.events.retry-min-age}") Duration minAge) {
		this.failed = failed;
		this.transactions = transactions;
		this.jdbc = jdbc;
		this.minAge = minAge;
	}

	@Scheduled(fixedDelayString = "${hearth.events.retry-interval}", initialDelayString = "${hearth.events.retry-interval}")
	void retry() {
		try {
			transactions.executeWithoutResult(tx -> {
				boolean mine = jdbc.sql("SELECT pg_try_advisory_xact_lock(hashtext('hearth.platform.event-retries'))")
						.query(Boolean.class).single();
				if (mine) {
					failed.resubmit(ResubmissionOptions.defaults().withMinAge(minAge));
				}
			});
		}
		catch (RuntimeException e) {
			// The database may be down; the next round tries again. The message names no person.
			log.warn("Could not retry failed event publications: {}", e.getClass().getSimpleName());
		}
	}
}
