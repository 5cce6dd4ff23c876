package org.hearth.faults;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import org.hearth.faults.Submissions.Attempt;
import org.hearth.faults.Submissions.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged Hearth is killed with SIGKILL while applicants submit, at a moment chosen at random (the seed is in
 * the failure message). After the restart every request whose answer was lost is sent again with its key: every
 * submission acknowledged before the kill is there exactly once, no retry made a second application, and the
 * transparency log still extends the checkpoint an observer verified before the crash.
 */
class AppKilledUnderLoadIT {

	static final int CLIENTS = 6;

	@TempDir
	Path temp;

	@Test
	void acknowledgedSubmissionsSurviveAKillNineOnceEachAndTheLogVerifies() throws Exception {
		long seed = System.nanoTime();
		Random random = new Random(seed);
		String context = "seed " + seed;
		Path observerState = temp.resolve("observer");
		try (HearthProcess hearth = HearthProcess.start(temp.resolve("data"), Map.of())) {
			String token = hearth.token("applicant@hearth.demo");
			var submissions = new Submissions(() -> hearth.uri("/"), token);
			Set<String> before = submissions.listed().keySet();
			var pinned = hearth.verifyLog(observerState);
			assertThat(pinned.exit()).as("%s: the log before the load%n%s", context, pinned.output()).isZero();

			AtomicBoolean stop = new AtomicBoolean();
			ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
			for (int i = 0; i < CLIENTS; i++) {
				clients.submit(() -> submissions.loop(stop));
			}
			long killAfter = 2_000 + random.nextInt(4_000);
			Thread.sleep(killAfter);
			hearth.kill();
			stop.set(true);
			clients.shutdown();
			assertThat(clients.awaitTermination(2, TimeUnit.MINUTES)).as("clients return once Hearth is gone").isTrue();

			List<Attempt> attempts = new ArrayList<>(submissions.attempts);
			Map<String, String> acknowledged = attempts.stream().filter(a -> a.outcome == Outcome.ACKNOWLEDGED)
					.collect(Collectors.toMap(a -> a.id, a -> a.reference));
			long unknown = attempts.stream().filter(a -> a.outcome == Outcome.UNKNOWN).count();
			context += ", killed after " + killAfter + " ms: " + acknowledged.size() + " acknowledged, " + unknown
					+ " unknown of " + attempts.size();
			assertThat(acknowledged).as(context).isNotEmpty();
			assertThat(attempts).as("%s: nothing refused", context).noneMatch(a -> a.outcome == Outcome.REFUSED);

			hearth.launch();
			for (Attempt attempt : attempts) {
				if (attempt.outcome != Outcome.ACKNOWLEDGED) {
					submissions.run(attempt);
				}
			}
			assertThat(attempts).as("%s: every retry with its keys is acknowledged", context)
					.allMatch(a -> a.outcome == Outcome.ACKNOWLEDGED);

			Map<String, List<String>> listed = submissions.listed();
			listed.keySet().removeAll(before);
			for (var submitted : acknowledged.entrySet()) {
				assertThat(listed.get(submitted.getKey())).as("%s: %s", context, submitted.getKey())
						.containsExactly("SUBMITTED", submitted.getValue());
			}
			assertThat(listed.keySet()).as("%s: one application per attempt, none twice", context)
					.containsExactlyInAnyOrderElementsOf(attempts.stream().map(a -> a.id).toList());

			var verified = hearth.verifyLog(observerState);
			assertThat(verified.exit()).as("%s: the log after the restart%n%s", context, verified.output()).isZero();
			System.out.println("Killed under load: " + context);
		}
	}
}
