package org.hearth.applications;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.hearth.HearthTest;
import org.hearth.identity.CurrentUser;
import org.hearth.identity.TestUsers;
import org.hearth.shared.ConflictException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Two supervisors confirm the same case at the same moment: one decision is recorded, the other is told. */
@HearthTest
class ConcurrentDecisionTest {

	@Autowired
	ApplicationManagement applications;

	@Autowired
	TestUsers users;

	@Test
	void exactlyOneOfTwoSimultaneousDecisionsIsRecorded() throws Exception {
		CurrentUser applicant = users.newApplicant("en");
		CurrentUser caseworker = users.demo("caseworker@hearth.demo");
		Application draft = Residency.draft(applications, applicant, "xankendi");
		applications.submit(applicant, draft.id(), Locale.ENGLISH, null);
		applications.assign(caseworker, draft.id());
		applications.recommend(caseworker, draft.id(), Outcome.APPROVE, List.of("identity-established"), "");
		long version = applications.caseFor(caseworker, draft.id()).version();

		List<CurrentUser> supervisors = List.of(users.demo("supervisor@hearth.demo"),
				users.demo("supervisor2@hearth.demo"));
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		List<Future<Application>> results = new ArrayList<>();
		for (CurrentUser supervisor : supervisors) {
			results.add(pool.submit(() -> {
				start.await();
				return applications.confirm(supervisor, draft.id(), version);
			}));
		}
		start.countDown();
		int confirmed = 0;
		int conflicts = 0;
		for (Future<Application> result : results) {
			try {
				result.get(30, TimeUnit.SECONDS);
				confirmed++;
			}
			catch (java.util.concurrent.ExecutionException e) {
				assertThat(e.getCause()).isInstanceOf(ConflictException.class);
				assertThat(((ConflictException) e.getCause()).messageKey())
						.isEqualTo("applications.error.changed-meanwhile");
				conflicts++;
			}
		}
		pool.shutdown();

		assertThat(confirmed).isEqualTo(1);
		assertThat(conflicts).isEqualTo(1);
		Application decided = applications.caseFor(caseworker, draft.id());
		assertThat(decided.status()).isEqualTo(Status.APPROVED);
		assertThat(decided.decisions()).hasSize(1);
		assertThat(applications.history(draft.id())).filteredOn(h -> h.action().equals("decided")).hasSize(1);
	}
}
