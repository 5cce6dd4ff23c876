package org.hearth.faults;

import java.io.IOException;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.hearth.faults.Submissions.Attempt;
import org.hearth.faults.Submissions.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL is killed with SIGKILL under load. While it is down every request, for a page or the API, is answered
 * within seconds with 503, Retry-After and the reason in the reader's language — no stack trace, no thread left
 * waiting for the pool's default 30 s; once it is back Hearth serves again within 10 s without a restart, and
 * every submission acknowledged before the crash is still there.
 */
class DatabaseKilledUnderLoadIT {

	/** Far below the pool's default wait of 30 s, above the configured 3 s and a slow machine's margin. */
	static final Duration FAST = Duration.ofSeconds(8);

	@TempDir
	Path temp;

	@Test
	void whileTheDatabaseIsDownRequestsFailFastInWordsAndHearthRecoversWithoutARestart() throws Exception {
		try (ExternalPostgres postgres = ExternalPostgres.start(temp.resolve("postgres"));
				HearthProcess hearth = HearthProcess.start(temp.resolve("data"), postgres.environment())) {
			String token = hearth.token("applicant@hearth.demo");
			var submissions = new Submissions(() -> hearth.uri("/"), token);
			String session = signIn(hearth);

			AtomicBoolean stop = new AtomicBoolean();
			ExecutorService clients = Executors.newFixedThreadPool(4);
			for (int i = 0; i < 4; i++) {
				clients.submit(() -> submissions.loop(stop));
			}
			Thread.sleep(3_000);
			postgres.kill();

			HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
			String armenian = bundle("hy").getProperty("error.unavailable");
			for (var request : List.of(
					HttpRequest.newBuilder(hearth.uri("/applications")).header("Cookie", session)
							.header("Accept-Language", "hy"),
					HttpRequest.newBuilder(hearth.uri("/api/v1/applications")).header("Authorization", "Bearer " + token)
							.header("Accept-Language", "hy"),
					HttpRequest.newBuilder(hearth.uri("/statistics")).header("Accept-Language", "hy"))) {
				long started = System.nanoTime();
				HttpResponse<String> answer = http.send(request.timeout(Duration.ofSeconds(60)).build(),
						HttpResponse.BodyHandlers.ofString());
				Duration took = Duration.ofNanos(System.nanoTime() - started);
				String what = answer.request().uri().getPath();
				assertThat(answer.statusCode()).as("%s while the database is down%n%s", what, answer.body())
						.isEqualTo(503);
				assertThat(took).as(what).isLessThan(FAST);
				assertThat(answer.headers().firstValue("Retry-After")).as(what).isPresent();
				assertThat(answer.body()).as(what).contains(what.startsWith("/api") ? armenian.replace("\"", "\\\"")
						: org.springframework.web.util.HtmlUtils.htmlEscape(armenian, "UTF-8"))
						.doesNotContain("Exception", "at org.", "at java.");
			}
			var health = http.send(HttpRequest.newBuilder(hearth.uri("/actuator/health")).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(health.statusCode()).as("health tells the load balancer").isEqualTo(503);

			stop.set(true);
			clients.shutdown();
			assertThat(clients.awaitTermination(1, TimeUnit.MINUTES)).as("no client left waiting").isTrue();
			List<Attempt> attempts = new ArrayList<>(submissions.attempts);
			var acknowledged = attempts.stream().filter(a -> a.outcome == Outcome.ACKNOWLEDGED).toList();
			assertThat(acknowledged).as("submissions before the crash").isNotEmpty();

			postgres.launch();
			long back = System.nanoTime();
			int status = 0;
			while (Duration.ofNanos(System.nanoTime() - back).compareTo(Duration.ofSeconds(30)) < 0) {
				status = http.send(HttpRequest.newBuilder(hearth.uri("/api/v1/applications"))
						.header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(10)).build(),
						HttpResponse.BodyHandlers.discarding()).statusCode();
				if (status == 200) {
					break;
				}
				Thread.sleep(200);
			}
			Duration recovery = Duration.ofNanos(System.nanoTime() - back);
			assertThat(status).as("serving again").isEqualTo(200);
			assertThat(recovery).as("serving again after the database is back").isLessThanOrEqualTo(Duration.ofSeconds(10));

			for (Attempt attempt : attempts) {
				if (attempt.outcome != Outcome.ACKNOWLEDGED) {
					submissions.run(attempt);
				}
			}
			assertThat(attempts).allMatch(a -> a.outcome == Outcome.ACKNOWLEDGED, "acknowledged after a retry");
			Map<String, List<String>> listed = submissions.listed();
			for (Attempt attempt : acknowledged) {
				assertThat(listed.get(attempt.id)).as(attempt.id).containsExactly("SUBMITTED", attempt.reference);
			}
			assertThat(listed.keySet()).containsAll(attempts.stream().map(a -> a.id).toList());
			System.out.println("Database killed under load: " + acknowledged.size() + " acknowledged before, "
					+ attempts.size() + " attempts, serving again " + recovery.toMillis() + " ms after the restart");
		}
	}

	/** Signs in through the form as a browser does; returns the session cookie. */
	private static String signIn(HearthProcess hearth) throws IOException, InterruptedException {
		HttpClient http = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
		String form = http.send(HttpRequest.newBuilder(hearth.uri("/login")).build(), HttpResponse.BodyHandlers.ofString())
				.body();
		var csrf = java.util.regex.Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(form);
		assertThat(csrf.find()).isTrue();
		String body = "email=applicant%40hearth.demo&password=" + HearthProcess.DEMO_PASSWORD + "&_csrf="
				+ java.net.URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
		http.send(HttpRequest.newBuilder(hearth.uri("/login")).header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
		var cookies = ((java.net.CookieManager) http.cookieHandler().orElseThrow()).getCookieStore().getCookies();
		String header = String.join("; ", cookies.stream().map(c -> c.getName() + "=" + c.getValue()).toList());
		var page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(hearth.uri("/applications"))
				.header("Cookie", header).build(), HttpResponse.BodyHandlers.discarding());
		assertThat(page.statusCode()).as("signed in").isEqualTo(200);
		return header;
	}

	private static Properties bundle(String language) throws IOException {
		var properties = new Properties();
		try (var in = DatabaseKilledUnderLoadIT.class.getResourceAsStream("/i18n/web/messages_" + language
				+ ".properties")) {
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}
}
