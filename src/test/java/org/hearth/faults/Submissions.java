package org.hearth.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Applicants submitting through the API as a careful client does: every create and submit carries an
 * Idempotency-Key, and a request whose answer never came is sent again with the same key. Each attempt remembers
 * what it knows: acknowledged (the submission's reference came back), unknown (no answer) or refused.
 */
final class Submissions {

	static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

	static final String ANSWERS = """
			{"name":{"written":"Արմեն Պետրոսյան","latin":"Armen Petrosyan"},"birthDate":"1980-05-01",\
			"birthCountry":"AZ","birthPlace":"Ստեփանակերտ","currentCountry":"AM","currentAddress":"Yerevan, Abovyan 1",\
			"previousSettlement":"xankendi","hasHousehold":"no","phone":"+374 10 123456",\
			"identityDocumentType":"passport","consent":["true-and-complete"]}""";

	private static final String BOUNDARY = "hearth-fault-boundary";
	private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
	private static final Pattern REFERENCE = Pattern.compile("\"reference\"\\s*:\\s*\"([^\"]+)\"");

	enum Outcome { NOT_SENT, UNKNOWN, ACKNOWLEDGED, REFUSED }

	/** One applicant's intention to submit one application, with the keys that make retrying it safe. */
	static final class Attempt {

		final String createKey = UUID.randomUUID().toString();
		final String submitKey = UUID.randomUUID().toString();
		volatile Outcome outcome = Outcome.NOT_SENT;
		volatile String id;
		volatile String reference;
		volatile String detail = "";

		@Override
		public String toString() {
			return outcome + " " + id + " " + reference + " " + detail;
		}
	}

	private final Supplier<URI> base;
	private final String token;
	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
	final Queue<Attempt> attempts = new ConcurrentLinkedQueue<>();

	/** {@code base} is asked for each request, so that a test can point clients at another instance. */
	Submissions(Supplier<URI> base, String token) {
		this.base = base;
		this.token = token;
	}

	/** Submits new applications one after another until {@code stop}; returns when the current one ends. */
	void loop(AtomicBoolean stop) {
		while (!stop.get()) {
			Attempt attempt = new Attempt();
			attempts.add(attempt);
			run(attempt);
			if (attempt.outcome == Outcome.UNKNOWN) {
				pause();
			}
		}
	}

	/** Runs (or re-runs, with the same keys) the three steps: create, upload, submit. */
	void run(Attempt attempt) {
		try {
			attempt.outcome = Outcome.UNKNOWN;
			var created = send(HttpRequest.newBuilder(uri("/api/v1/applications")).header("Content-Type", "application/json")
					.header("Idempotency-Key", attempt.createKey)
					.POST(HttpRequest.BodyPublishers.ofString("{\"service\":\"residency\",\"answers\":" + ANSWERS + "}")));
			if (created.statusCode() != 201) {
				answered(attempt, "create", created);
				return;
			}
			attempt.id = find(ID, created.body());
			var uploaded = send(HttpRequest.newBuilder(uri("/api/v1/applications/" + attempt.id
					+ "/documents?question=identityDocument"))
					.header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
					.POST(HttpRequest.BodyPublishers.ofByteArray(multipart())));
			// 409: submitted before the answer to an earlier run was lost; the submit below says so again.
			if (uploaded.statusCode() != 201 && uploaded.statusCode() != 409) {
				answered(attempt, "upload", uploaded);
				return;
			}
			var submitted = send(HttpRequest.newBuilder(uri("/api/v1/applications/" + attempt.id + "/submission"))
					.header("Idempotency-Key", attempt.submitKey).POST(HttpRequest.BodyPublishers.noBody()));
			if (submitted.statusCode() != 200) {
				answered(attempt, "submit", submitted);
				return;
			}
			attempt.reference = find(REFERENCE, submitted.body());
			attempt.outcome = Outcome.ACKNOWLEDGED;
		}
		catch (IOException noAnswer) {
			attempt.outcome = Outcome.UNKNOWN;
			attempt.detail = noAnswer.getClass().getSimpleName();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	/** An answer that was not the expected one: 5xx is an outcome still unknown; anything else a refusal. */
	private static void answered(Attempt attempt, String step, HttpResponse<String> response) {
		attempt.outcome = response.statusCode() >= 500 ? Outcome.UNKNOWN : Outcome.REFUSED;
		attempt.detail = step + " " + response.statusCode();
	}

	/** The applicant's applications as the API lists them: id to status and reference. */
	Map<String, List<String>> listed() throws IOException, InterruptedException {
		var response = send(HttpRequest.newBuilder(uri("/api/v1/applications")).GET());
		if (response.statusCode() != 200) {
			throw new IllegalStateException("GET /api/v1/applications: " + response.statusCode());
		}
		var json = tools.jackson.databind.json.JsonMapper.builder().build().readTree(response.body());
		Map<String, List<String>> listed = new HashMap<>();
		for (var application : json) {
			List<String> values = new ArrayList<>();
			values.add(application.path("status").asString());
			values.add(application.path("reference").asString(null));
			if (listed.put(application.path("id").asString(), values) != null) {
				throw new IllegalStateException("listed twice: " + application.path("id"));
			}
		}
		return listed;
	}

	HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return client.send(request.header("Authorization", "Bearer " + token).header("Accept-Language", "en")
				.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return base.get().resolve(path);
	}

	private static String find(Pattern pattern, String body) {
		Matcher matcher = pattern.matcher(body);
		if (!matcher.find()) {
			throw new IllegalStateException("no " + pattern + " in the answer");
		}
		return matcher.group(1);
	}

	private static byte[] multipart() {
		byte[] head = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"passport.pdf\""
				+ "\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8);
		byte[] tail = ("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8);
		byte[] body = new byte[head.length + PDF.length + tail.length];
		System.arraycopy(head, 0, body, 0, head.length);
		System.arraycopy(PDF, 0, body, head.length, PDF.length);
		System.arraycopy(tail, 0, body, head.length + PDF.length, tail.length);
		return body;
	}

	private static void pause() {
		try {
			Thread.sleep(100);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
