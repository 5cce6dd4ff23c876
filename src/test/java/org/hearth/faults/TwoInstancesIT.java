package org.hearth.faults;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.hearth.faults.Submissions.Attempt;
import org.hearth.faults.Submissions.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two packaged Hearths on one PostgreSQL, one document directory and one SMTP server, as behind a load balancer
 * without sticky sessions. The applicant's and the caseworker's requests alternate between them: a session begun on
 * one is carried on, and ended, on the other. The work each instance schedules runs once across both: every
 * submission's e-mail arrives once, also when the SMTP server was down at the time and the retry came later, and the
 * two instances sign a single log that the observer's verifier accepts from either.
 */
class TwoInstancesIT {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	@TempDir
	Path temp;

	@Test
	void journeysAlternateBetweenInstancesAndScheduledWorkRunsOnce() throws Exception {
		int smtpPort = HearthProcess.freePort();
		GreenMail smtp = mailServer(smtpPort);
		List<MimeMessage> received = new ArrayList<>();
		try (var postgres = ExternalPostgres.start(temp.resolve("postgres"))) {
			Map<String, String> environment = new HashMap<>(postgres.environment());
			environment.putAll(Map.of("HEARTH_SMTP_HOST", "127.0.0.1", "HEARTH_SMTP_PORT", Integer.toString(smtpPort),
					"HEARTH_SMTP_STARTTLS", "false", "HEARTH_EVENTS_RETRY_INTERVAL", "1s",
					"HEARTH_EVENTS_RETRY_MIN_AGE", "1s"));
			// One data directory for both: the shared document store (and the log's key file) of a real deployment.
			Path data = temp.resolve("data");
			try (var a = HearthProcess.start(data, environment, "--hearth.mail.demo-mailbox=false");
					var b = HearthProcess.start(data, environment, "--hearth.mail.demo-mailbox=false")) {
				List<HearthProcess> both = List.of(a, b);

				// The applicant's API requests, each to the other instance than the one before.
				AtomicInteger turn = new AtomicInteger();
				var submissions = new Submissions(() -> both.get(turn.getAndIncrement() % 2).uri("/"),
						a.token("applicant@hearth.demo"));
				List<Attempt> delivered = submit(submissions, 4);

				// The applicant's browser session: signed in on A, used on B, signed out on B, gone on A.
				var applicant = new Browser();
				applicant.signIn(a, "applicant@hearth.demo");
				assertThat(applicant.get(b, "/applications").statusCode()).as("the session from A, on B").isEqualTo(200);
				assertThat(applicant.get(b, "/applications").body()).contains(delivered.get(0).reference);
				applicant.post(b, "/logout", applicant.csrf(a, "/applications"), Map.of());
				assertThat(applicant.get(a, "/applications").statusCode()).as("signed out on B, on A").isEqualTo(302);

				// The caseworker: queue on B, the case opened for a purpose on A (kept in the session), read on B,
				// assigned on A with the form's token from B.
				var caseworker = new Browser();
				caseworker.signIn(b, "caseworker@hearth.demo");
				String id = delivered.get(0).id;
				assertThat(caseworker.get(b, "/cases").statusCode()).as("the queue, on B").isEqualTo(200);
				assertThat(caseworker.get(a, "/cases/" + id).body()).as("not opened yet")
						.contains("/cases/" + id + "/open");
				assertThat(caseworker.post(a, "/cases/" + id + "/open", caseworker.csrf(a, "/cases/" + id),
						Map.of("purpose", "REVIEW")).statusCode()).isEqualTo(302);
				var opened = caseworker.get(b, "/cases/" + id);
				assertThat(opened.body()).as("opened on A, shown on B").doesNotContain("/cases/" + id + "/open")
						.contains("/cases/" + id + "/assign");
				assertThat(caseworker.post(a, "/cases/" + id + "/assign", caseworker.csrf(b, "/cases/" + id), Map.of())
						.statusCode()).isEqualTo(302);
				try (var connection = postgres.connect(); var statement = connection.prepareStatement(
						"SELECT assignee IS NOT NULL FROM applications.application WHERE id = ?::uuid")) {
					statement.setString(1, id);
					var rs = statement.executeQuery();
					assertThat(rs.next() && rs.getBoolean(1)).as("assigned through A").isTrue();
				}

				// Each submission's e-mail once, though both instances listen and both retry.
				assertThat(smtp.waitForIncomingEmail(60_000, delivered.size())).isTrue();
				awaitNoOutstandingPublications(postgres);
				received.addAll(List.of(smtp.getReceivedMessages()));
				smtp.stop();

				// With the SMTP server down, the e-mails fail; once it is back, the retries deliver each once.
				List<Attempt> whileDown = submit(submissions, 3);
				awaitFailedPublications(postgres, whileDown.size());
				smtp = mailServer(smtpPort);
				assertThat(smtp.waitForIncomingEmail(60_000, whileDown.size())).isTrue();
				awaitNoOutstandingPublications(postgres);
				received.addAll(List.of(smtp.getReceivedMessages()));

				List<Attempt> all = new ArrayList<>(delivered);
				all.addAll(whileDown);
				Map<String, Long> mailsPerApplication = new HashMap<>();
				for (MimeMessage message : received) {
					String body = String.valueOf(message.getContent());
					for (Attempt attempt : all) {
						if (body.contains("/applications/" + attempt.id)) {
							mailsPerApplication.merge(attempt.id, 1L, Long::sum);
						}
					}
				}
				assertThat(mailsPerApplication).as("one e-mail per submission")
						.isEqualTo(all.stream().collect(Collectors.toMap(attempt -> attempt.id, attempt -> 1L)));

				// One log: both signers ran, one at a time; the verifier follows it from A to B.
				Path observer = temp.resolve("observer");
				var fromA = a.verifyLog(observer);
				assertThat(fromA.exit()).as(fromA.output()).isZero();
				submit(submissions, 1);
				var fromB = b.verifyLog(observer);
				assertThat(fromB.exit()).as("B's checkpoint extends A's%n%s", fromB.output()).isZero();
				try (var connection = postgres.connect(); var statement = connection.createStatement();
						var rs = statement.executeQuery("SELECT count(*), count(DISTINCT idx), min(idx), max(idx) "
								+ "FROM transparency.leaf")) {
					rs.next();
					assertThat(rs.getLong(1)).as("no gap, no repeat in the log's sequence")
							.isEqualTo(rs.getLong(2)).isEqualTo(rs.getLong(4) + 1);
				}
			}
		}
		finally {
			smtp.stop();
		}
	}

	private static GreenMail mailServer(int port) {
		var server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		server.start();
		return server;
	}

	private static List<Attempt> submit(Submissions submissions, int count) {
		List<Attempt> attempts = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			var attempt = new Attempt();
			submissions.run(attempt);
			assertThat(attempt.outcome).as("%s", attempt).isEqualTo(Outcome.ACKNOWLEDGED);
			attempts.add(attempt);
		}
		return attempts;
	}

	/** Completed publications are deleted: an empty table means nothing is left to send, now or later. */
	private static void awaitNoOutstandingPublications(ExternalPostgres postgres) throws Exception {
		awaitCount(postgres, "SELECT count(*) FROM event_publication", count -> count == 0);
	}

	private static void awaitFailedPublications(ExternalPostgres postgres, int atLeast) throws Exception {
		awaitCount(postgres, "SELECT count(*) FROM event_publication WHERE status = 'FAILED'", n -> n >= atLeast);
	}

	private static void awaitCount(ExternalPostgres postgres, String sql, Function<Long, Boolean> done)
			throws Exception {
		long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
		long count = -1;
		while (System.nanoTime() < deadline) {
			try (var connection = postgres.connect(); var statement = connection.createStatement();
					var rs = statement.executeQuery(sql)) {
				rs.next();
				count = rs.getLong(1);
			}
			if (done.apply(count)) {
				return;
			}
			Thread.sleep(250);
		}
		throw new AssertionError(sql + " stayed at " + count);
	}

	/** A browser without JavaScript: one cookie jar for every instance, as one host name behind a balancer gives. */
	private static final class Browser {

		private final HttpClient client = HttpClient.newBuilder()
				.cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
				.followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

		void signIn(HearthProcess hearth, String email) throws IOException, InterruptedException {
			var response = post(hearth, "/login", csrf(hearth, "/login"),
					Map.of("email", email, "password", HearthProcess.DEMO_PASSWORD));
			String location = response.headers().firstValue("Location").orElse("");
			assertThat(location).as("signed in as %s", email).doesNotContain("error").doesNotEndWith("/login");
		}

		String csrf(HearthProcess hearth, String path) throws IOException, InterruptedException {
			var page = get(hearth, path);
			Matcher token = CSRF.matcher(page.body());
			assertThat(token.find()).as("a form's token on %s (%s)", path, page.statusCode()).isTrue();
			return token.group(1);
		}

		HttpResponse<String> get(HearthProcess hearth, String path) throws IOException, InterruptedException {
			return client.send(HttpRequest.newBuilder(hearth.uri(path)).header("Accept-Language", "en").build(),
					HttpResponse.BodyHandlers.ofString());
		}

		HttpResponse<String> post(HearthProcess hearth, String path, String csrf, Map<String, String> fields)
				throws IOException, InterruptedException {
			Map<String, String> form = new HashMap<>(fields);
			form.put("_csrf", csrf);
			String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
			URI uri = hearth.uri(path);
			return client.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/x-www-form-urlencoded")
					.header("Accept-Language", "en").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
					HttpResponse.BodyHandlers.ofString());
		}
	}
}
