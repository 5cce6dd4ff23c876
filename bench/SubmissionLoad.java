import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load on the JSON API: closed-loop clients, each on its own connection and its own applicant account, as fast as
 * the server answers (no think time), for a fixed window after a warm-up.
 *
 * <ul>
 * <li>Submitting clients loop: POST /api/v1/applications (a draft with every answer of a valid residency
 * application), POST .../documents (the identity document, a 48-byte PDF: a file must be uploaded to the draft it
 * belongs to), POST .../submission. One submission = the three requests; the rate is reported with and without the
 * time spent in the upload request.</li>
 * <li>Status clients loop on the status page of their own submitted application: half on GET /api/v1/applications/{id}
 * (bearer token), half on the HTML page GET /applications/{id} (session cookie from the sign-in form).</li>
 * <li>Caseworker clients ({@code --caseworker-clients}), each in its own session of the demo caseworker of the
 * applications' office: GET /cases (the queue), then GET /cases/{id} of one of the status clients' applications in
 * turn, each opened once for a purpose in the setup (as the case page requires).</li>
 * <li>Public clients ({@code --public-clients}), anonymous: GET /statistics (the public dashboard), GET
 * /transparency/checkpoint, and GET /transparency/proof/inclusion of an entry chosen at random in the tree of the
 * checkpoint's size.</li>
 * </ul>
 *
 * Accounts: one new applicant per client, registered through the registration form and confirmed through the link the
 * demo mailbox received (demo profile only), then a bearer token each from POST /api/v1/auth/tokens; these setup
 * requests' latencies are reported too (registration is part of the applicant's journey). Before the load,
 * a baseline: one client alone on each kind of request. Heap and GC of the application come from
 * {@code jstat -gc <pid> 1000} and its GC log ({@code -Xlog:gc:file=...:utctime,uptime}); CPU from /proc; gauges from
 * /actuator/metrics as the demo administrator (run.sh exposes the endpoint). bench/run.sh starts Hearth and runs this;
 * by hand:
 *
 * <pre>java bench/SubmissionLoad.java --base-url http://localhost:8080 [--pid 1234] [--duration 60] [--warmup 10]
 *     [--baseline 5] [--clients 50] [--status-clients 10] [--html-status-clients 5] [--setup-threads 4]
 *     [--caseworker-clients 0] [--public-clients 0] [--caseworker-email caseworker@hearth.demo]
 *     [--idempotency-keys true] [--markdown out.md] [--gc-log gc.log] [--app-log app.log]
 *     [--postgres-dir DATA_DIR/postgres] [--rate-target 200] [--p99-target-ms 100] [--heap-target-mb 512]</pre>
 *
 * Not a test: it measures and reports; it exits non-zero only when the setup cannot be done.
 */
public class SubmissionLoad {

	static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

	/** Every answer of a complete residency application, as in the tests' Residency.answers("xankendi"). */
	static final String ANSWERS = """
			{"name":{"written":"Արմեն Պետրոսյան","latin":"Armen Petrosyan"},"birthDate":"1980-05-01",\
			"birthCountry":"AZ","birthPlace":"Ստեփանակերտ","currentCountry":"AM","currentAddress":"Yerevan, Abovyan 1",\
			"previousSettlement":"xankendi","hasHousehold":"no","phone":"+374 10 123456",\
			"identityDocumentType":"passport","consent":["true-and-complete"]}""";

	static final String CREATE_BODY = "{\"service\":\"residency\",\"answers\":" + ANSWERS + "}";

	static final String BOUNDARY = "hearth-bench-boundary";
	static final byte[] UPLOAD_BODY = multipart(PDF, "passport.pdf");

	static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
	static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");
	static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	// The measurement window, in System.nanoTime(); 0 until it starts / ends.
	static volatile long windowStart;
	static volatile long windowEnd;
	static final AtomicBoolean stop = new AtomicBoolean();

	public static void main(String[] args) throws Exception {
		Map<String, String> o = options(args);
		String base = o.getOrDefault("base-url", "http://localhost:8080").replaceAll("/$", "");
		int clients = Integer.parseInt(o.getOrDefault("clients", "50"));
		int statusClients = Integer.parseInt(o.getOrDefault("status-clients", "10"));
		int htmlStatusClients = Integer.parseInt(o.getOrDefault("html-status-clients", String.valueOf(statusClients / 2)));
		int warmup = Integer.parseInt(o.getOrDefault("warmup", "10"));
		int duration = Integer.parseInt(o.getOrDefault("duration", "60"));
		int baseline = Integer.parseInt(o.getOrDefault("baseline", "5"));
		int setupThreads = Integer.parseInt(o.getOrDefault("setup-threads", "4"));
		int caseworkerClients = Integer.parseInt(o.getOrDefault("caseworker-clients", "0"));
		int publicClients = Integer.parseInt(o.getOrDefault("public-clients", "0"));
		String caseworkerEmail = o.getOrDefault("caseworker-email", "caseworker@hearth.demo");
		boolean idempotencyKeys = Boolean.parseBoolean(o.getOrDefault("idempotency-keys", "true"));
		var targets = new Targets(Double.parseDouble(o.getOrDefault("rate-target", "200")),
				Double.parseDouble(o.getOrDefault("p99-target-ms", "100")),
				Double.parseDouble(o.getOrDefault("heap-target-mb", "512")));
		String adminEmail = o.getOrDefault("admin-email", "admin@hearth.demo");
		String adminPassword = o.getOrDefault("admin-password", "hearth-demo-2026");
		String pid = o.get("pid");
		Path markdown = o.containsKey("markdown") ? Path.of(o.get("markdown")) : null;
		Path gcLog = o.containsKey("gc-log") ? Path.of(o.get("gc-log")) : null;
		Path appLog = o.containsKey("app-log") ? Path.of(o.get("app-log")) : null;
		String postgresDir = o.get("postgres-dir");
		if (statusClients > clients || htmlStatusClients > statusClients || statusClients - htmlStatusClients < 1
				&& htmlStatusClients < 1 || clients - statusClients < 1) {
			throw new IllegalArgumentException("Need clients > status-clients >= html-status-clients, and a status client");
		}
		int submitters = clients - statusClients;
		var phases = new Phases();

		// ---- setup: accounts, tokens, one submitted application per status client --------------------------------
		var heap = pid == null ? null : HeapSampler.start(pid);
		phases.setupStart = System.currentTimeMillis();
		String run = Long.toString(System.currentTimeMillis(), 36);
		List<Account> accounts = new ArrayList<>();
		for (int i = 0; i < clients; i++) {
			accounts.add(new Account("bench-" + run + "-" + i + "@bench.invalid", "bench-" + run + "-quiet-lantern-" + i));
		}
		log("Registering %d applicants through /register (demo mailbox for the confirmations)...", clients);
		ExecutorService setup = Executors.newFixedThreadPool(setupThreads);
		parallel(setup, accounts, account -> timed("register (GET + POST /register)",
				() -> new Session(base).register(account.email, account.password)));
		Map<String, String> confirmations = confirmationLinks(base, accounts);
		parallel(setup, accounts, account -> timed("confirm e-mail (GET /account/confirm)",
				() -> new Session(base).confirm(confirmations.get(account.email))));
		parallel(setup, accounts, account -> timed("API token (POST /api/v1/auth/tokens)",
				() -> account.token = new Session(base).token(account.email, account.password)));
		List<Account> statusAccounts = accounts.subList(submitters, clients);
		parallel(setup, statusAccounts, account -> account.statusApplication = new Session(base).submitOne(account.token));
		parallel(setup, statusAccounts.subList(0, htmlStatusClients), account -> {
			var session = new Session(base);
			timed("sign in (GET + POST /login)", () -> session.signIn(account.email, account.password));
			account.session = session;
		});
		List<String> cases = statusAccounts.stream().map(a -> a.statusApplication).toList();
		List<Session> caseworkers = new ArrayList<>();
		for (int i = 0; i < caseworkerClients; i++) {
			caseworkers.add(new Session(base));
		}
		parallel(setup, caseworkers, session -> {
			session.signIn(caseworkerEmail, adminPassword);
			for (String id : cases) {
				session.openCase(id);
			}
		});
		setup.shutdown();
		phases.setupEnd = System.currentTimeMillis();
		log("Setup done in %.1f s.", (phases.setupEnd - phases.setupStart) / 1000.0);

		// ---- baseline: one client at a time, for the cost of each request without contention ----------------------
		var baselineStats = new Stats();
		if (baseline > 0) {
			log("Baseline: one client at a time, %d s each for submissions and the two status pages...", baseline);
			Account submitter = accounts.get(0);
			Account json = accounts.get(clients - 1);
			Account html = statusAccounts.get(0);
			phases.baselineStart = System.currentTimeMillis();
			windowStart = System.nanoTime();
			runFor(baseline, () -> submitLoop(base, submitter, baselineStats, idempotencyKeys));
			runFor(baseline, () -> jsonStatusLoop(base, json, baselineStats));
			if (htmlStatusClients > 0) {
				runFor(baseline, () -> htmlStatusLoop(base, html, baselineStats));
			}
			windowStart = 0;
			phases.baselineEnd = System.currentTimeMillis();
		}

		// ---- load -----------------------------------------------------------------------------------------------
		List<Stats> stats = Collections.synchronizedList(new ArrayList<>());
		List<Thread> threads = new ArrayList<>();
		for (int i = 0; i < clients; i++) {
			Account account = accounts.get(i);
			var s = new Stats();
			stats.add(s);
			Runnable loop;
			if (i < submitters) {
				loop = () -> submitLoop(base, account, s, idempotencyKeys);
			}
			else if (i < submitters + htmlStatusClients) {
				loop = () -> htmlStatusLoop(base, account, s);
			}
			else {
				loop = () -> jsonStatusLoop(base, account, s);
			}
			threads.add(new Thread(loop, "client-" + i));
		}
		for (int i = 0; i < caseworkerClients; i++) {
			Session session = caseworkers.get(i);
			var s = new Stats();
			stats.add(s);
			int first = i;
			threads.add(new Thread(() -> caseworkerLoop(base, session, cases, first, s), "caseworker-" + i));
		}
		for (int i = 0; i < publicClients; i++) {
			var s = new Stats();
			stats.add(s);
			threads.add(new Thread(() -> publicLoop(base, s), "public-" + i));
		}
		var monitor = new Monitor(base, adminEmail, adminPassword);
		var cpu = new CpuMeter(pid, postgresDir);
		phases.warmupStart = System.currentTimeMillis();
		threads.forEach(Thread::start);
		log("%d clients running (%d submitting, %d on the JSON status, %d on the HTML status page, %d caseworkers, "
				+ "%d public); warm-up %d s...", threads.size(), submitters, statusClients - htmlStatusClients,
				htmlStatusClients, caseworkerClients, publicClients, warmup);
		Thread.sleep(warmup * 1000L);
		cpu.begin();
		windowStart = System.nanoTime();
		phases.windowStart = System.currentTimeMillis();
		log("Measuring for %d s...", duration);
		Thread monitorThread = new Thread(() -> monitor.run(duration), "monitor");
		monitorThread.setDaemon(true);
		monitorThread.start();
		Thread.sleep(duration * 1000L);
		windowEnd = System.nanoTime();
		phases.windowEnd = System.currentTimeMillis();
		cpu.end();
		stop.set(true);
		String heapInfo = pid == null ? "" : run("jcmd", pid, "GC.heap_info");
		for (Thread thread : threads) {
			thread.join(60_000);
		}
		double windowSeconds = (windowEnd - windowStart) / 1e9;
		Thread.sleep(1500);
		if (heap != null) {
			heap.stop();
		}

		// ---- report ---------------------------------------------------------------------------------------------
		var all = new Stats();
		stats.forEach(all::add);
		var report = new Report(all, baselineStats, baseline, windowSeconds, submitters,
				statusClients - htmlStatusClients, htmlStatusClients, clients, caseworkerClients, publicClients, warmup,
				setupThreads, idempotencyKeys,
				targets, phases, heap, gcLog, appLog, monitor, cpu, heapInfo, pid);
		String text = report.markdown();
		System.out.println(text);
		if (markdown != null) {
			Files.writeString(markdown, text);
		}
		System.exit(0);
	}

	record Targets(double rate, double p99Ms, double heapMb) {
	}

	/** Wall-clock times (ms) of the phases, to place jstat samples and GC log lines. */
	static final class Phases {
		long setupStart;
		long setupEnd;
		long baselineStart;
		long baselineEnd;
		long warmupStart;
		long windowStart;
		long windowEnd;
	}

	/** Runs one client loop alone for the given seconds. */
	static void runFor(int seconds, Runnable loop) throws InterruptedException {
		stop.set(false);
		Thread thread = new Thread(loop, "baseline");
		thread.start();
		Thread.sleep(seconds * 1000L);
		stop.set(true);
		thread.join(60_000);
		stop.set(false);
	}

	// ---- client loops -------------------------------------------------------------------------------------------

	static final class Account {

		final String email;
		final String password;
		volatile String token;
		volatile String statusApplication;
		volatile Session session;

		Account(String email, String password) {
			this.email = email;
			this.password = password;
		}
	}

	static void submitLoop(String base, Account account, Stats s, boolean idempotencyKeys) {
		HttpClient client = client();
		while (!stop.get()) {
			long cycleStart = System.nanoTime();
			var create = HttpRequest.newBuilder(URI.create(base + "/api/v1/applications"))
					.header("Authorization", "Bearer " + account.token).header("Content-Type", "application/json")
					.header("Accept-Language", "en").header("Accept-Encoding", "gzip")
					.POST(HttpRequest.BodyPublishers.ofString(CREATE_BODY));
			if (idempotencyKeys) {
				create.header("Idempotency-Key", UUID.randomUUID().toString());
			}
			Result created = s.call(client, "create draft (POST /api/v1/applications)", create, 201);
			if (created == null) {
				pauseAfterError();
				continue;
			}
			Matcher id = ID.matcher(created.body);
			if (!id.find()) {
				s.error("create draft (POST /api/v1/applications)", "201 without id", created.end);
				continue;
			}
			String application = id.group(1);
			Result uploaded = s.call(client, "upload document (POST .../documents)", HttpRequest.newBuilder(
					URI.create(base + "/api/v1/applications/" + application + "/documents?question=identityDocument"))
					.header("Authorization", "Bearer " + account.token)
					.header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY).header("Accept-Language", "en")
					.POST(HttpRequest.BodyPublishers.ofByteArray(UPLOAD_BODY)), 201);
			if (uploaded == null) {
				pauseAfterError();
				continue;
			}
			s.upload(uploaded.start, uploaded.end);
			var submit = HttpRequest.newBuilder(URI.create(base + "/api/v1/applications/" + application + "/submission"))
					.header("Authorization", "Bearer " + account.token).header("Accept-Language", "en")
					.header("Accept-Encoding", "gzip").POST(HttpRequest.BodyPublishers.noBody());
			if (idempotencyKeys) {
				submit.header("Idempotency-Key", UUID.randomUUID().toString());
			}
			Result submitted = s.call(client, "submit (POST .../submission)", submit, 200);
			if (submitted == null) {
				pauseAfterError();
				continue;
			}
			if (!submitted.body.contains("\"SUBMITTED\"")) {
				s.error("submit (POST .../submission)", "200 without SUBMITTED", submitted.end);
				continue;
			}
			s.submission(cycleStart, submitted.end);
		}
	}

	static void jsonStatusLoop(String base, Account account, Stats s) {
		HttpClient client = client();
		while (!stop.get()) {
			Result r = s.call(client, "status JSON (GET /api/v1/applications/{id})", HttpRequest.newBuilder(
					URI.create(base + "/api/v1/applications/" + account.statusApplication))
					.header("Authorization", "Bearer " + account.token).header("Accept-Language", "en")
					.header("Accept-Encoding", "gzip").GET(), 200);
			if (r == null) {
				pauseAfterError();
			}
		}
	}

	static void htmlStatusLoop(String base, Account account, Stats s) {
		HttpClient client = client();
		String cookie = account.session.cookieHeader();
		while (!stop.get()) {
			Result r = s.call(client, "status HTML (GET /applications/{id})", HttpRequest.newBuilder(
					URI.create(base + "/applications/" + account.statusApplication))
					.header("Cookie", cookie).header("Accept", "text/html").header("Accept-Encoding", "gzip").GET(),
					200);
			if (r == null) {
				pauseAfterError();
			}
		}
	}

	static void caseworkerLoop(String base, Session session, List<String> cases, int first, Stats s) {
		HttpClient client = client();
		String cookie = session.cookieHeader();
		int next = first;
		while (!stop.get()) {
			Result queue = s.call(client, "caseworker queue (GET /cases)", HttpRequest.newBuilder(
					URI.create(base + "/cases")).header("Cookie", cookie).header("Accept", "text/html")
					.header("Accept-Encoding", "gzip").GET(), 200);
			String id = cases.get(next++ % cases.size());
			Result view = s.call(client, "case view (GET /cases/{id})", HttpRequest.newBuilder(
					URI.create(base + "/cases/" + id)).header("Cookie", cookie).header("Accept", "text/html")
					.header("Accept-Encoding", "gzip").GET(), 200);
			if (queue == null || view == null) {
				pauseAfterError();
			}
		}
	}

	static final Pattern CHECKPOINT_SIZE = Pattern.compile("\\A[^\\n]*\\n(\\d+)\\n");

	static void publicLoop(String base, Stats s) {
		HttpClient client = client();
		var random = new java.util.Random();
		while (!stop.get()) {
			Result dashboard = s.call(client, "public dashboard (GET /statistics)", HttpRequest.newBuilder(
					URI.create(base + "/statistics")).header("Accept", "text/html").header("Accept-Language", "hy")
					.header("Accept-Encoding", "gzip").GET(), 200);
			Result checkpoint = s.call(client, "transparency checkpoint (GET /transparency/checkpoint)",
					HttpRequest.newBuilder(URI.create(base + "/transparency/checkpoint")).GET(), 200);
			Matcher size = checkpoint == null ? null : CHECKPOINT_SIZE.matcher(checkpoint.body);
			if (size == null || !size.find()) {
				pauseAfterError();
				continue;
			}
			long tree = Long.parseLong(size.group(1));
			long index = Math.floorMod(random.nextLong(), tree);
			Result proof = s.call(client, "inclusion proof (GET /transparency/proof/inclusion)", HttpRequest
					.newBuilder(URI.create(base + "/transparency/proof/inclusion?index=" + index + "&size=" + tree))
					.header("Accept-Encoding", "gzip").GET(), 200);
			if (dashboard == null || proof == null) {
				pauseAfterError();
			}
		}
	}

	/** Latencies of the setup's requests (register, confirm, token, sign-in), setup-threads at a time. */
	static final Map<String, LongList> setupLatencies = new ConcurrentHashMap<>();

	interface Step {
		void run() throws Exception;
	}

	static void timed(String kind, Step step) throws Exception {
		long start = System.nanoTime();
		step.run();
		long took = System.nanoTime() - start;
		LongList list = setupLatencies.computeIfAbsent(kind, k -> new LongList());
		synchronized (list) {
			list.add(took);
		}
	}

	static void pauseAfterError() {
		try {
			Thread.sleep(20);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	static HttpClient client() {
		return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER)
				.connectTimeout(Duration.ofSeconds(10)).build();
	}

	record Result(int status, String body, long start, long end) {
	}

	/** One client's counts and latencies; merged after the run. Latency only for requests wholly in the window. */
	static final class Stats {

		final Map<String, LongList> latencies = new TreeMap<>();
		final Map<String, Long> windowErrors = new TreeMap<>();
		final Map<String, Long> warmupErrors = new TreeMap<>();
		final Map<String, Long> windowOk = new TreeMap<>();
		long submissions;
		long uploadNanosInWindow;
		final LongList cycles = new LongList();

		Result call(HttpClient client, String kind, HttpRequest.Builder request, int expected) {
			long start = System.nanoTime();
			try {
				HttpResponse<byte[]> response = client.send(request.timeout(Duration.ofSeconds(30)).build(),
						HttpResponse.BodyHandlers.ofByteArray());
				long end = System.nanoTime();
				if (response.statusCode() != expected) {
					error(kind, String.valueOf(response.statusCode()), end);
					return null;
				}
				if (inWindow(start, end)) {
					latencies.computeIfAbsent(kind, k -> new LongList()).add(end - start);
				}
				if (inWindow(end)) {
					windowOk.merge(kind, 1L, Long::sum);
				}
				boolean gzip = response.headers().firstValue("content-encoding").filter("gzip"::equals).isPresent();
				String body = gzip ? "" : new String(response.body(), StandardCharsets.UTF_8);
				if (gzip && !kind.startsWith("status")) {
					body = new String(gunzip(response.body()), StandardCharsets.UTF_8);
				}
				return new Result(response.statusCode(), body, start, end);
			}
			catch (HttpTimeoutException e) {
				error(kind, "timeout (30 s)", System.nanoTime());
				return null;
			}
			catch (IOException e) {
				error(kind, "I/O: " + e.getClass().getSimpleName(), System.nanoTime());
				return null;
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return null;
			}
		}

		void error(String kind, String what, long at) {
			String key = kind + " → " + what;
			if (inWindow(at)) {
				windowErrors.merge(key, 1L, Long::sum);
			}
			else if (windowStart == 0) {
				warmupErrors.merge(key, 1L, Long::sum);
			}
		}

		/** The part of an upload request's time that falls inside the window. */
		void upload(long start, long end) {
			long s = windowStart;
			if (s == 0) {
				return;
			}
			long e = windowEnd == 0 ? end : Math.min(end, windowEnd);
			uploadNanosInWindow += Math.max(0, e - Math.max(start, s));
		}

		void submission(long cycleStart, long end) {
			if (inWindow(end)) {
				submissions++;
			}
			if (inWindow(cycleStart, end)) {
				cycles.add(end - cycleStart);
			}
		}

		void add(Stats other) {
			other.latencies.forEach((k, v) -> latencies.computeIfAbsent(k, x -> new LongList()).addAll(v));
			other.windowErrors.forEach((k, v) -> windowErrors.merge(k, v, Long::sum));
			other.warmupErrors.forEach((k, v) -> warmupErrors.merge(k, v, Long::sum));
			other.windowOk.forEach((k, v) -> windowOk.merge(k, v, Long::sum));
			submissions += other.submissions;
			uploadNanosInWindow += other.uploadNanosInWindow;
			cycles.addAll(other.cycles);
		}

		static boolean inWindow(long at) {
			long s = windowStart;
			long e = windowEnd;
			return s != 0 && at >= s && (e == 0 || at < e);
		}

		static boolean inWindow(long start, long end) {
			return inWindow(start) && inWindow(end);
		}
	}

	static final class LongList {

		long[] values = new long[1024];
		int size;

		void add(long v) {
			if (size == values.length) {
				values = Arrays.copyOf(values, size * 2);
			}
			values[size++] = v;
		}

		void addAll(LongList other) {
			for (int i = 0; i < other.size; i++) {
				add(other.values[i]);
			}
		}

		long[] sorted() {
			long[] copy = Arrays.copyOf(values, size);
			Arrays.sort(copy);
			return copy;
		}
	}

	// ---- a browser session for setup: forms with CSRF, cookies -------------------------------------------------

	static final class Session {

		final String base;
		final HttpClient client = client();
		final Map<String, String> cookies = new ConcurrentHashMap<>();

		Session(String base) {
			this.base = base;
		}

		String cookieHeader() {
			var header = new StringBuilder();
			cookies.forEach((k, v) -> header.append(header.length() == 0 ? "" : "; ").append(k).append('=').append(v));
			return header.toString();
		}

		HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
			if (!cookies.isEmpty()) {
				request.header("Cookie", cookieHeader());
			}
			HttpResponse<String> response = client.send(request.header("Accept-Language", "en")
					.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
			for (String setCookie : response.headers().allValues("set-cookie")) {
				String pair = setCookie.split(";", 2)[0];
				int eq = pair.indexOf('=');
				if (eq > 0) {
					cookies.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
				}
			}
			return response;
		}

		HttpResponse<String> get(String path) throws IOException, InterruptedException {
			return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
		}

		HttpResponse<String> postForm(String path, Map<String, String> fields) throws IOException, InterruptedException {
			var body = new StringBuilder();
			fields.forEach((k, v) -> body.append(body.length() == 0 ? "" : "&")
					.append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
					.append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
			return send(HttpRequest.newBuilder(URI.create(base + path))
					.header("Content-Type", "application/x-www-form-urlencoded")
					.POST(HttpRequest.BodyPublishers.ofString(body.toString())));
		}

		void register(String email, String password) throws IOException, InterruptedException {
			String form = get("/register").body();
			var result = postForm("/register", Map.of("email", email, "password", password, "repeatPassword", password,
					"_csrf", csrf(form)));
			if (result.statusCode() != 302 || !result.headers().firstValue("location").orElse("").contains("check-email")) {
				throw new IllegalStateException("Registering " + email + " gave " + result.statusCode());
			}
		}

		void confirm(String link) throws IOException, InterruptedException {
			var result = get(link);
			if (result.statusCode() != 200) {
				throw new IllegalStateException("Confirmation gave " + result.statusCode());
			}
		}

		void signIn(String email, String password) throws IOException, InterruptedException {
			String form = get("/login").body();
			var result = postForm("/login", Map.of("email", email, "password", password, "_csrf", csrf(form)));
			String location = result.headers().firstValue("location").orElse("");
			if (result.statusCode() != 302 || location.contains("/login")) {
				throw new IllegalStateException("Sign-in as " + email + " failed: " + result.statusCode() + " " + location);
			}
		}

		/** Opens a case for review, as a caseworker must once per session before the case page shows it. */
		void openCase(String id) throws IOException, InterruptedException {
			String page = get("/cases/" + id).body();
			var result = postForm("/cases/" + id + "/open", Map.of("purpose", "REVIEW", "_csrf", csrf(page)));
			if (result.statusCode() != 302) {
				throw new IllegalStateException("Opening case " + id + " gave " + result.statusCode());
			}
		}

		String token(String email, String password) throws IOException, InterruptedException {
			var result = client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/tokens"))
					.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
							"{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}")).build(),
					HttpResponse.BodyHandlers.ofString());
			Matcher token = TOKEN.matcher(result.body());
			if (result.statusCode() != 201 || !token.find()) {
				throw new IllegalStateException("No token for " + email + ": " + result.statusCode() + " " + result.body());
			}
			return token.group(1);
		}

		/** Creates, completes and submits one application; its id. */
		String submitOne(String token) throws IOException, InterruptedException {
			var created = client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/applications"))
					.header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(CREATE_BODY)).build(), HttpResponse.BodyHandlers.ofString());
			Matcher id = ID.matcher(created.body());
			if (created.statusCode() != 201 || !id.find()) {
				throw new IllegalStateException("Creating a draft gave " + created.statusCode() + " " + created.body());
			}
			String application = id.group(1);
			var uploaded = client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/applications/" + application
					+ "/documents?question=identityDocument")).header("Authorization", "Bearer " + token)
					.header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
					.POST(HttpRequest.BodyPublishers.ofByteArray(UPLOAD_BODY)).build(), HttpResponse.BodyHandlers.ofString());
			if (uploaded.statusCode() != 201) {
				throw new IllegalStateException("Upload gave " + uploaded.statusCode() + " " + uploaded.body());
			}
			var submitted = client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/applications/" + application
					+ "/submission")).header("Authorization", "Bearer " + token).header("Accept-Language", "en")
					.POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
			if (submitted.statusCode() != 200) {
				throw new IllegalStateException("Submission gave " + submitted.statusCode() + " " + submitted.body());
			}
			return application;
		}
	}

	/** The confirmation link of each account, from the demo mailbox page (newest first; one e-mail each). */
	static Map<String, String> confirmationLinks(String base, List<Account> accounts) throws Exception {
		Pattern mail = Pattern.compile("<article class=\"mail\".*?</article>", Pattern.DOTALL);
		Pattern to = Pattern.compile("<dd>([^<]+)</dd>");
		Pattern link = Pattern.compile("(/account/confirm\\?token=[A-Za-z0-9_-]+)");
		Map<String, String> links = new LinkedHashMap<>();
		for (int attempt = 0; attempt < 20 && links.size() < accounts.size(); attempt++) {
			if (attempt > 0) {
				Thread.sleep(500);
			}
			String page = new Session(base).get("/demo/mailbox").body();
			Matcher m = mail.matcher(page);
			while (m.find()) {
				Matcher address = to.matcher(m.group());
				Matcher confirm = link.matcher(m.group());
				if (address.find() && confirm.find()) {
					links.putIfAbsent(address.group(1).strip().toLowerCase(Locale.ROOT), confirm.group(1));
				}
			}
			links.keySet().retainAll(accounts.stream().map(a -> a.email.toLowerCase(Locale.ROOT)).toList());
		}
		if (links.size() < accounts.size()) {
			throw new IllegalStateException("Only " + links.size() + " of " + accounts.size()
					+ " confirmation e-mails arrived in /demo/mailbox (is the demo profile on?)");
		}
		return links;
	}

	// ---- heap and GC: jstat -gc <pid> 1000 ----------------------------------------------------------------------

	static final class HeapSampler {

		/** {@code at}: wall clock, ms. Sizes in MB. */
		record Sample(long at, double usedMb, double oldMb, double capacityMb, long ygc, long fgc, long cgc,
				double gcSeconds) {
		}

		final Process process;
		final List<Sample> samples = Collections.synchronizedList(new ArrayList<>());
		volatile String problem;

		private HeapSampler(Process process) {
			this.process = process;
		}

		static HeapSampler start(String pid) {
			try {
				Process process = new ProcessBuilder("jstat", "-gc", pid, "1000").redirectErrorStream(true).start();
				var sampler = new HeapSampler(process);
				Thread reader = new Thread(sampler::read, "jstat");
				reader.setDaemon(true);
				reader.start();
				return sampler;
			}
			catch (IOException e) {
				log("jstat not available (%s): no heap figures", e.getMessage());
				return null;
			}
		}

		private void read() {
			try (var in = new BufferedReader(new InputStreamReader(process.getInputStream()))) {
				String[] header = null;
				String line;
				while ((line = in.readLine()) != null) {
					String[] cells = line.strip().split("\\s+");
					if (cells.length > 0 && cells[0].equals("S0C")) {
						header = cells;
						continue;
					}
					if (header == null || cells.length != header.length) {
						problem = line;
						continue;
					}
					Map<String, Double> v = new LinkedHashMap<>();
					for (int i = 0; i < header.length; i++) {
						try {
							v.put(header[i], Double.parseDouble(cells[i].replace(',', '.')));
						}
						catch (NumberFormatException e) {
							v.put(header[i], 0.0);
						}
					}
					double used = v.getOrDefault("S0U", 0.0) + v.getOrDefault("S1U", 0.0) + v.getOrDefault("EU", 0.0)
							+ v.getOrDefault("OU", 0.0);
					double capacity = v.getOrDefault("S0C", 0.0) + v.getOrDefault("S1C", 0.0)
							+ v.getOrDefault("EC", 0.0) + v.getOrDefault("OC", 0.0);
					samples.add(new Sample(System.currentTimeMillis(), used / 1024, v.getOrDefault("OU", 0.0) / 1024,
							capacity / 1024, v.getOrDefault("YGC", 0.0).longValue(), v.getOrDefault("FGC", 0.0).longValue(),
							v.getOrDefault("CGC", 0.0).longValue(), v.getOrDefault("GCT", 0.0)));
				}
			}
			catch (IOException e) {
				problem = e.getMessage();
			}
		}

		void stop() {
			process.destroy();
		}

		List<Sample> between(long from, long to) {
			synchronized (samples) {
				return samples.stream().filter(s -> s.at() >= from && s.at() <= to).toList();
			}
		}

		List<Sample> all() {
			synchronized (samples) {
				return List.copyOf(samples);
			}
		}
	}

	// ---- CPU time of the application, its PostgreSQL and this generator during the window ------------------------

	/**
	 * CPU seconds from /proc (Linux): the application's JVM, the embedded PostgreSQL (the postmaster whose command line
	 * names the data directory, and its children: one backend per pooled connection), and this load generator.
	 */
	static final class CpuMeter {

		final String pid;
		final String postgresDir;
		double appStart, appEnd, pgStart, pgEnd, selfStart, selfEnd;
		long wallStart, wallEnd;
		String postmaster;
		String problem;

		CpuMeter(String pid, String postgresDir) {
			this.pid = pid;
			this.postgresDir = postgresDir;
		}

		void begin() {
			postmaster = findPostmaster();
			wallStart = System.nanoTime();
			appStart = seconds(pid);
			pgStart = postgres();
			selfStart = self();
		}

		void end() {
			wallEnd = System.nanoTime();
			appEnd = seconds(pid);
			pgEnd = postgres();
			selfEnd = self();
		}

		double wall() {
			return (wallEnd - wallStart) / 1e9;
		}

		private String findPostmaster() {
			if (postgresDir == null) {
				return null;
			}
			try (var dirs = Files.list(Path.of("/proc"))) {
				return dirs.map(p -> p.getFileName().toString()).filter(n -> n.chars().allMatch(Character::isDigit))
						.filter(n -> {
							try {
								String cmd = Files.readString(Path.of("/proc", n, "cmdline")).replace('\0', ' ');
								return cmd.contains("postgres") && cmd.contains(postgresDir);
							}
							catch (IOException e) {
								return false;
							}
						}).findFirst().orElse(null);
			}
			catch (IOException e) {
				problem = e.getMessage();
				return null;
			}
		}

		private double postgres() {
			if (postmaster == null) {
				return Double.NaN;
			}
			double total = seconds(postmaster);
			try (var dirs = Files.list(Path.of("/proc"))) {
				for (Path dir : dirs.toList()) {
					String[] stat = stat(dir.getFileName().toString());
					if (stat != null && stat[1].equals(postmaster)) {
						total += ticks(stat);
					}
				}
			}
			catch (IOException e) {
				problem = e.getMessage();
			}
			return total;
		}

		private static double self() {
			var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
			return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() / 1e9 : Double.NaN;
		}

		private static double seconds(String pid) {
			String[] stat = pid == null ? null : stat(pid);
			return stat == null ? Double.NaN : ticks(stat);
		}

		/** utime + stime, in seconds (USER_HZ is 100 on Linux). */
		private static double ticks(String[] stat) {
			return (Long.parseLong(stat[11]) + Long.parseLong(stat[12])) / 100.0;
		}

		/** The fields of /proc/PID/stat after the command name: [0] state, [1] ppid, ... [11] utime, [12] stime. */
		private static String[] stat(String pid) {
			try {
				String line = Files.readString(Path.of("/proc", pid, "stat"));
				return line.substring(line.lastIndexOf(')') + 2).split(" ");
			}
			catch (IOException | RuntimeException e) {
				return null;
			}
		}
	}

	// ---- /actuator/metrics as the demo administrator, every 5 s ---------------------------------------------------

	/**
	 * Gauges read from /actuator/metrics/{name}, which needs an ADMINISTRATOR and is not exposed by default: run.sh
	 * starts the application with {@code --management.endpoints.web.exposure.include=health,info,metrics}.
	 */
	static final class Monitor {

		final String base;
		final String email;
		final String password;
		final Map<String, Double> maxima = new ConcurrentHashMap<>();
		final Map<String, Double> last = new ConcurrentHashMap<>();
		volatile String problem;
		volatile int scrapes;

		/** Metric (with tag), what the report calls it, and a divisor for the unit shown. */
		static final List<String[]> SERIES = List.of(
				new String[] { "jvm.memory.used?tag=area:heap", "heap used, jvm.memory.used{area=heap} (MB)",
						"1048576" },
				new String[] { "executor.queued?tag=name:applicationTaskExecutor",
						"tasks queued in applicationTaskExecutor (e-mail notifications after commit)", "1" },
				new String[] { "executor.active?tag=name:applicationTaskExecutor",
						"active applicationTaskExecutor threads", "1" },
				new String[] { "hikaricp.connections.pending", "threads waiting for a database connection", "1" },
				new String[] { "hikaricp.connections.active", "database connections in use", "1" },
				new String[] { "jvm.threads.live", "live JVM threads", "1" });

		static final Pattern VALUE = Pattern.compile("\"statistic\"\\s*:\\s*\"VALUE\"\\s*,\\s*\"value\"\\s*:\\s*([-0-9.Ee+]+)");

		Monitor(String base, String email, String password) {
			this.base = base;
			this.email = email;
			this.password = password;
		}

		void run(int seconds) {
			Session admin = new Session(base);
			try {
				admin.signIn(email, password);
			}
			catch (Exception e) {
				problem = "admin sign-in failed: " + e.getMessage();
				return;
			}
			long until = System.nanoTime() + seconds * 1_000_000_000L;
			while (System.nanoTime() < until && !stop.get()) {
				try {
					for (String[] series : SERIES) {
						var response = admin.get("/actuator/metrics/" + series[0]);
						if (response.statusCode() == 404 && series == SERIES.get(0)) {
							problem = "/actuator/metrics is not exposed (start Hearth with "
									+ "--management.endpoints.web.exposure.include=health,info,metrics)";
							return;
						}
						Matcher m = VALUE.matcher(response.body());
						if (response.statusCode() == 200 && m.find()) {
							double value = Double.parseDouble(m.group(1)) / Double.parseDouble(series[2]);
							maxima.merge(series[1], value, Math::max);
							last.put(series[1], value);
						}
					}
					scrapes++;
					Thread.sleep(5000);
				}
				catch (Exception e) {
					problem = e.getClass().getSimpleName() + ": " + e.getMessage();
					return;
				}
			}
		}
	}

	// ---- the report ---------------------------------------------------------------------------------------------

	record Report(Stats all, Stats baselineStats, int baseline, double windowSeconds, int submitters,
			int jsonStatusClients, int htmlStatusClients, int clients, int caseworkerClients, int publicClients,
			int warmup, int setupThreads,
			boolean idempotencyKeys, Targets targets, Phases phases, HeapSampler heap, Path gcLog, Path appLog,
			Monitor monitor, CpuMeter cpu, String heapInfo, String pid) {

		static final String JSON = "status JSON (GET /api/v1/applications/{id})";
		static final String HTML = "status HTML (GET /applications/{id})";

		String markdown() throws IOException {
			var out = new StringBuilder();
			double rate = all.submissions / windowSeconds;
			// Time the submitting clients were not waiting for an upload, within the window.
			double clientSeconds = submitters * windowSeconds;
			double withoutUpload = clientSeconds - all.uploadNanosInWindow / 1e9;
			double rateExcludingUpload = withoutUpload <= 0 ? 0
					: all.submissions * (clientSeconds / withoutUpload) / windowSeconds;
			long windowErrorCount = all.windowErrors.values().stream().mapToLong(Long::longValue).sum();
			long windowOkCount = all.windowOk.values().stream().mapToLong(Long::longValue).sum();
			List<GcPause> pauses = gcPauses();
			PhaseHeap setupHeap = phaseHeap(pauses, phases.setupStart, phases.setupEnd);
			PhaseHeap loadHeap = phaseHeap(pauses, phases.warmupStart, phases.windowEnd);
			PhaseHeap windowHeap = phaseHeap(pauses, phases.windowStart, phases.windowEnd);

			out.append(caseworkerClients + publicClients == 0 ? "### Load: submissions and status page\n\n"
					: "### Load: applicants, caseworkers, the public dashboard and the transparency log\n\n");
			out.append("Parameters: ").append(clients).append(" closed-loop clients without think time (")
					.append(submitters).append(" submitting, ").append(jsonStatusClients)
					.append(" on the JSON status, ").append(htmlStatusClients)
					.append(" on the HTML status page), each with its own applicant account and connection; warm-up ")
					.append(warmup).append(" s, measured window ").append(fmt(windowSeconds))
					.append(" s; Idempotency-Key ").append(idempotencyKeys ? "sent" : "not sent")
					.append(" on create and submit. Setup (registering and confirming the accounts, tokens, ")
					.append(setupThreads).append(" at a time) took ")
					.append(fmt((phases.setupEnd - phases.setupStart) / 1000.0))
					.append(" s; its requests' latencies are in their own table below. The load generator runs on the "
							+ "same machine.");
			if (caseworkerClients + publicClients > 0) {
				out.append(" Besides these, ").append(caseworkerClients).append(" caseworker clients (each its own "
						+ "session of one caseworker, alternating the queue and a case view) and ").append(publicClients)
						.append(" anonymous clients (the public statistics dashboard in Armenian, the latest checkpoint,"
								+ " an inclusion proof of a random entry), also without think time.");
			}
			out.append("\n\n");

			out.append("| requirement | target | measured | verdict |\n|---|---|---:|---|\n");
			out.append("| submissions/s, documents excluded (time in the upload request taken out, see below) | ≥ ")
					.append(fmt0(targets.rate())).append("/s | ").append(fmt(rateExcludingUpload)).append("/s | ")
					.append(verdict(rateExcludingUpload >= targets.rate())).append(" |\n");
			out.append("| submissions/s, full cycle (create + upload + submit) | ≥ ").append(fmt0(targets.rate()))
					.append("/s | ").append(fmt(rate)).append("/s | ").append(verdict(rate >= targets.rate()))
					.append(" |\n");
			for (String kind : List.of(JSON, HTML)) {
				long[] sorted = all.latencies.containsKey(kind) ? all.latencies.get(kind).sorted() : new long[0];
				if (sorted.length > 0) {
					double p50 = percentile(sorted, 0.50);
					double p95 = percentile(sorted, 0.95);
					double p99 = percentile(sorted, 0.99);
					out.append("| ").append(kind.equals(JSON) ? "status page, JSON API" : "status page, HTML")
							.append(", p50 / p95 / **p99** | p99 < ").append(fmt0(targets.p99Ms())).append(" ms | ")
							.append(fmt(p50)).append(" / ").append(fmt(p95)).append(" / **").append(fmt(p99))
							.append("** ms | ").append(verdict(p99 < targets.p99Ms())).append(" |\n");
				}
			}
			double maxHeap = Double.isNaN(loadHeap.maxSampledMb) ? loadHeap.maxBeforeGcMb
					: Double.isNaN(loadHeap.maxBeforeGcMb) ? loadHeap.maxSampledMb
					: Math.max(loadHeap.maxSampledMb, loadHeap.maxBeforeGcMb);
			if (!Double.isNaN(maxHeap)) {
				out.append("| max heap used during the load (warm-up and window; jstat every 1 s, and the GC log's "
						+ "occupancy before each collection) | < ").append(fmt0(targets.heapMb()))
						.append(" MB (-Xmx512m) | ").append(fmt(maxHeap)).append(" MB | ")
						.append(verdict(maxHeap < targets.heapMb())).append(" |\n");
			}
			long oom = appLog == null || !Files.exists(appLog) ? -1
					: Files.readAllLines(appLog, StandardCharsets.UTF_8).stream()
							.filter(l -> l.contains("OutOfMemoryError")).count();
			out.append("| OutOfMemoryError in the application log (whole run) | none | ")
					.append(oom < 0 ? "not checked" : oom + " line(s)").append(" | ")
					.append(oom < 0 ? "–" : verdict(oom == 0)).append(" |\n");
			if (!Double.isNaN(windowHeap.gcShare)) {
				out.append("| no GC thrashing in the window: GC time, full GCs | < 10 % of wall time, no full GC | ")
						.append(fmt(windowHeap.gcShare * 100)).append(" %, ").append(windowHeap.fullGcs)
						.append(" full | ").append(verdict(windowHeap.gcShare < 0.10 && windowHeap.fullGcs == 0))
						.append(" |\n");
			}
			out.append("| errors in the window | none | ").append(windowErrorCount).append(" of ")
					.append(windowErrorCount + windowOkCount).append(" requests | ")
					.append(verdict(windowErrorCount == 0)).append(" |\n\n");

			if (setupHeap.fullGcs > 0 || setupHeap.toSpaceExhausted > 0) {
				out.append("**Note:** during the setup (").append(clients).append(" registrations and ")
						.append(clients + htmlStatusClients).append(" sign-ins, ").append(setupThreads)
						.append(" at a time, each an Argon2 password hash of 19 MiB) the heap reached ")
						.append(num(setupHeap.maxBeforeGcMb)).append(" MB and G1 ran out of space: ")
						.append(setupHeap.toSpaceExhausted).append(" to-space exhausted, ").append(setupHeap.fullGcs)
						.append(" full GC(s). See the heap table below.\n\n");
			}
			out.append("Submissions completed in the window: ").append(all.submissions).append(". The identity "
					+ "document must be uploaded to the draft it belongs to, so every submission is three requests; "
					+ "the submitting clients spent ")
					.append(fmt(100 * all.uploadNanosInWindow / 1e9 / clientSeconds))
					.append(" % of their time in the upload request. *Documents excluded* divides the submissions by "
							+ "the clients' time outside that request (a derived figure: the server still did the upload "
							+ "work); the full-cycle rate counts every second.\n\n");

			out.append("Latency of each request in the window (ms; requests that began and ended in it; nearest rank):\n\n");
			out.append("| request | count | per second | p50 | p95 | p99 | max |\n|---|---:|---:|---:|---:|---:|---:|\n");
			all.latencies.forEach((kind, list) -> row(out, kind, list.sorted(), windowSeconds));
			if (all.cycles.size > 0) {
				row(out, "whole submission cycle (3 requests)", all.cycles.sorted(), windowSeconds);
			}

			if (!setupLatencies.isEmpty()) {
				out.append("\nSetup requests before the load, ").append(setupThreads)
						.append(" at a time (ms; sign-in and registration include an Argon2id hash):\n\n");
				out.append("| request | count | p50 | p95 | p99 | max |\n|---|---:|---:|---:|---:|---:|\n");
				new TreeMap<>(setupLatencies).forEach((kind, list) -> {
					long[] sorted = list.sorted();
					out.append("| ").append(kind).append(" | ").append(sorted.length).append(" | ")
							.append(fmt(percentile(sorted, 0.5))).append(" | ").append(fmt(percentile(sorted, 0.95)))
							.append(" | ").append(fmt(percentile(sorted, 0.99))).append(" | ")
							.append(fmt(sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6)).append(" |\n");
				});
			}

			if (baseline > 0 && !baselineStats.latencies.isEmpty()) {
				out.append("\nBaseline before the load: one client alone, ").append(baseline)
						.append(" s each for submission cycles, the JSON and the HTML status page (what a request costs "
								+ "without contention; ms):\n\n");
				out.append("| request | count | p50 | p95 | max |\n|---|---:|---:|---:|---:|\n");
				baselineStats.latencies.forEach((kind, list) -> {
					long[] sorted = list.sorted();
					out.append("| ").append(kind).append(" | ").append(sorted.length).append(" | ")
							.append(fmt(percentile(sorted, 0.5))).append(" | ").append(fmt(percentile(sorted, 0.95)))
							.append(" | ").append(fmt(sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6))
							.append(" |\n");
				});
			}

			out.append("\nErrors by request and status:\n\n");
			if (all.windowErrors.isEmpty() && all.warmupErrors.isEmpty()) {
				out.append("None, in the warm-up or the window.\n");
			}
			else {
				out.append("| request → status | in the window | in the warm-up |\n|---|---:|---:|\n");
				var keys = new java.util.TreeSet<String>();
				keys.addAll(all.windowErrors.keySet());
				keys.addAll(all.warmupErrors.keySet());
				for (String key : keys) {
					out.append("| ").append(key).append(" | ").append(all.windowErrors.getOrDefault(key, 0L))
							.append(" | ").append(all.warmupErrors.getOrDefault(key, 0L)).append(" |\n");
				}
			}

			out.append("\nCPU during the window (from /proc; ").append(Runtime.getRuntime().availableProcessors())
					.append(" CPUs × ").append(fmt(cpu.wall())).append(" s = ")
					.append(fmt(Runtime.getRuntime().availableProcessors() * cpu.wall())).append(" CPU-s available):\n\n");
			out.append("| process | CPU-s | share of the machine | per submission |\n|---|---:|---:|---:|\n");
			cpuRow(out, "Hearth (JVM)", cpu.appEnd - cpu.appStart);
			cpuRow(out, "embedded PostgreSQL (postmaster and backends)", cpu.pgEnd - cpu.pgStart);
			cpuRow(out, "load generator (this JVM)", cpu.selfEnd - cpu.selfStart);
			out.append("\n*Per submission* divides by the submissions in the window although the status clients used "
					+ "some of it too: an upper bound of what one submission costs.\n");

			out.append("\nHeap and GC of the application (").append(pid == null ? "no pid given" : "pid " + pid)
					.append("). The setup registers ").append(clients).append(" accounts and signs in ")
					.append(clients + htmlStatusClients).append(" times, ").append(setupThreads)
					.append(" at a time; each Argon2 hash of a password holds 19 MiB while it runs.\n\n");
			out.append("| figure | setup | load: warm-up and window | window |\n|---|---:|---:|---:|\n");
			heapRow(out, "max heap used, jstat every 1 s (young + old, garbage included), MB", setupHeap.maxSampledMb,
					loadHeap.maxSampledMb, windowHeap.maxSampledMb);
			heapRow(out, "max occupancy before a collection (GC log), MB", setupHeap.maxBeforeGcMb,
					loadHeap.maxBeforeGcMb, windowHeap.maxBeforeGcMb);
			heapRow(out, "max heap after a young, mixed or full collection (GC log), MB", setupHeap.maxAfterGcMb,
					loadHeap.maxAfterGcMb, windowHeap.maxAfterGcMb);
			heapRow(out, "min heap after a young, mixed or full collection (GC log; near the live data), MB",
					setupHeap.minAfterGcMb, loadHeap.minAfterGcMb, windowHeap.minAfterGcMb);
			out.append("| GC pauses: count / total / longest (GC log) | ").append(setupHeap.pausesText()).append(" | ")
					.append(loadHeap.pausesText()).append(" | ").append(windowHeap.pausesText()).append(" |\n");
			out.append("| full GCs / to-space exhausted | ").append(setupHeap.fullGcs).append(" / ")
					.append(setupHeap.toSpaceExhausted).append(" | ").append(loadHeap.fullGcs).append(" / ")
					.append(loadHeap.toSpaceExhausted).append(" | ").append(windowHeap.fullGcs).append(" / ")
					.append(windowHeap.toSpaceExhausted).append(" |\n");
			heapRow(out, "GC time (jstat GCT) as % of wall time", setupHeap.gcShare * 100, loadHeap.gcShare * 100,
					windowHeap.gcShare * 100);
			if (heap != null && heap.problem != null) {
				out.append("\njstat said: `").append(heap.problem.strip()).append("`\n");
			}

			out.append("\nApplication gauges in the window (/actuator/metrics as the demo administrator, every 5 s, ")
					.append(monitor.scrapes).append(" readings):\n\n");
			if (monitor.maxima.isEmpty()) {
				out.append("Not available").append(monitor.problem == null ? "" : ": " + monitor.problem).append(".\n");
			}
			else {
				out.append("| gauge | max | last |\n|---|---:|---:|\n");
				for (String[] series : Monitor.SERIES) {
					if (monitor.maxima.containsKey(series[1])) {
						out.append("| ").append(series[1]).append(" | ").append(fmt0(monitor.maxima.get(series[1])))
								.append(" | ").append(fmt0(monitor.last.get(series[1]))).append(" |\n");
					}
				}
			}
			if (heapInfo != null && !heapInfo.isBlank()) {
				out.append("\n`jcmd ").append(pid).append(" GC.heap_info` at the end of the window:\n\n```\n")
						.append(heapInfo.strip()).append("\n```\n");
			}
			out.append('\n');
			return out.toString();
		}

		private void cpuRow(StringBuilder out, String process, double seconds) {
			int cpus = Runtime.getRuntime().availableProcessors();
			if (Double.isNaN(seconds)) {
				out.append("| ").append(process).append(" | not measured | | |\n");
				return;
			}
			out.append("| ").append(process).append(" | ").append(fmt(seconds)).append(" | ")
					.append(fmt(100 * seconds / (cpus * cpu.wall()))).append(" % | ")
					.append(all.submissions == 0 ? "–" : fmt(1000 * seconds / all.submissions) + " ms").append(" |\n");
		}

		private static void heapRow(StringBuilder out, String name, double setup, double load, double window) {
			out.append("| ").append(name).append(" | ").append(num(setup)).append(" | ").append(num(load))
					.append(" | ").append(num(window)).append(" |\n");
		}

		private static String num(double value) {
			return Double.isNaN(value) || value < 0 ? "–" : fmt(value);
		}

		record GcPause(long at, String kind, double beforeMb, double afterMb, double ms) {
		}

		/**
		 * Pauses from a GC log written with {@code -Xlog:gc:file=...:utctime,uptime}: "[2026-11-27T23:13:31.276+0000]
		 * [0.662s] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 6M->3M(64M) 12.123ms".
		 */
		List<GcPause> gcPauses() throws IOException {
			if (gcLog == null || !Files.exists(gcLog)) {
				return List.of();
			}
			Pattern line = Pattern.compile("^\\[(\\d{4}-\\d\\d-\\d\\dT[\\d:.]+[+-]\\d{4})\\].*?Pause (\\w+).*?"
					+ "(\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)\\s+([\\d.]+)ms");
			var format = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");
			List<GcPause> pauses = new ArrayList<>();
			Pattern exhausted = Pattern.compile("^\\[(\\d{4}-\\d\\d-\\d\\dT[\\d:.]+[+-]\\d{4})\\].*To-space exhausted");
			for (String text : Files.readAllLines(gcLog)) {
				Matcher x = exhausted.matcher(text);
				if (x.find()) {
					long at = java.time.OffsetDateTime.parse(x.group(1), format).toInstant().toEpochMilli();
					pauses.add(new GcPause(at, "To-space exhausted", Double.NaN, Double.NaN, 0));
					continue;
				}
				Matcher m = line.matcher(text);
				if (m.find()) {
					long at = java.time.OffsetDateTime.parse(m.group(1), format).toInstant().toEpochMilli();
					pauses.add(new GcPause(at, m.group(2), mb(Double.parseDouble(m.group(3)), m.group(4)),
							mb(Double.parseDouble(m.group(5)), m.group(6)), Double.parseDouble(m.group(9))));
				}
			}
			return pauses;
		}

		static final class PhaseHeap {
			double maxSampledMb = Double.NaN;
			double maxBeforeGcMb = Double.NaN;
			double maxAfterGcMb = Double.NaN;
			double minAfterGcMb = Double.NaN;
			int pauses;
			double pauseMs;
			double longestMs;
			int fullGcs;
			int toSpaceExhausted;
			double gcShare = Double.NaN;

			String pausesText() {
				return pauses == 0 ? "0" : pauses + " / " + fmt(pauseMs) + " ms / " + fmt(longestMs) + " ms";
			}
		}

		PhaseHeap phaseHeap(List<GcPause> pauses, long from, long to) {
			var p = new PhaseHeap();
			if (heap != null) {
				var samples = heap.between(from, to);
				samples.stream().mapToDouble(HeapSampler.Sample::usedMb).max().ifPresent(v -> p.maxSampledMb = v);
				if (samples.size() >= 2) {
					var first = samples.get(0);
					var last = samples.get(samples.size() - 1);
					double wall = (last.at() - first.at()) / 1000.0;
					p.gcShare = wall <= 0 ? Double.NaN : (last.gcSeconds() - first.gcSeconds()) / wall;
					p.fullGcs = (int) (last.fgc() - first.fgc());
				}
			}
			int fullInLog = 0;
			for (GcPause pause : pauses) {
				if (pause.at() < from || pause.at() > to) {
					continue;
				}
				if (pause.kind().equals("To-space exhausted")) {
					p.toSpaceExhausted++;
					continue;
				}
				p.pauses++;
				p.pauseMs += pause.ms();
				p.longestMs = Math.max(p.longestMs, pause.ms());
				p.maxBeforeGcMb = Double.isNaN(p.maxBeforeGcMb) ? pause.beforeMb() : Math.max(p.maxBeforeGcMb, pause.beforeMb());
				// Remark and Cleanup do not move objects: their "after" says little about what is live.
				if (pause.kind().equals("Young") || pause.kind().equals("Full")) {
					p.maxAfterGcMb = Double.isNaN(p.maxAfterGcMb) ? pause.afterMb() : Math.max(p.maxAfterGcMb, pause.afterMb());
					p.minAfterGcMb = Double.isNaN(p.minAfterGcMb) ? pause.afterMb() : Math.min(p.minAfterGcMb, pause.afterMb());
				}
				if (pause.kind().equals("Full")) {
					fullInLog++;
				}
			}
			p.fullGcs = Math.max(p.fullGcs, fullInLog);
			return p;
		}

		static double mb(double value, String unit) {
			return switch (unit) {
				case "K" -> value / 1024;
				case "G" -> value * 1024;
				default -> value;
			};
		}

		static void row(StringBuilder out, String kind, long[] sorted, double windowSeconds) {
			out.append("| ").append(kind).append(" | ").append(sorted.length).append(" | ")
					.append(fmt(sorted.length / windowSeconds)).append(" | ").append(fmt(percentile(sorted, 0.50)))
					.append(" | ").append(fmt(percentile(sorted, 0.95))).append(" | ").append(fmt(percentile(sorted, 0.99)))
					.append(" | ").append(fmt(sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6)).append(" |\n");
		}

		static String verdict(boolean met) {
			return met ? "met" : "**NOT MET**";
		}
	}

	/** Nearest rank, in milliseconds. */
	static double percentile(long[] sortedNanos, double q) {
		if (sortedNanos.length == 0) {
			return 0;
		}
		int rank = (int) Math.ceil(q * sortedNanos.length);
		return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, rank - 1))] / 1e6;
	}

	// ---- helpers ------------------------------------------------------------------------------------------------

	interface Task<T> {
		void run(T item) throws Exception;
	}

	static <T> void parallel(ExecutorService pool, List<T> items, Task<T> task) throws Exception {
		List<Future<?>> futures = new ArrayList<>();
		for (T item : items) {
			futures.add(pool.submit(() -> {
				task.run(item);
				return null;
			}));
		}
		for (Future<?> f : futures) {
			f.get();
		}
	}

	static String csrf(String html) {
		Matcher m = CSRF.matcher(html);
		if (!m.find()) {
			throw new IllegalStateException("No CSRF token on the page");
		}
		return m.group(1);
	}

	static byte[] multipart(byte[] content, String filename) {
		byte[] head = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
				+ "\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8);
		byte[] tail = ("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8);
		byte[] body = new byte[head.length + content.length + tail.length];
		System.arraycopy(head, 0, body, 0, head.length);
		System.arraycopy(content, 0, body, head.length, content.length);
		System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
		return body;
	}

	static byte[] gunzip(byte[] raw) {
		try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(raw))) {
			return in.readAllBytes();
		}
		catch (IOException e) {
			return new byte[0];
		}
	}

	static String run(String... command) {
		try {
			Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
			String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			p.waitFor();
			return out;
		}
		catch (IOException e) {
			return "";
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return "";
		}
	}

	static void log(String format, Object... args) {
		System.err.printf("[load] " + format + "%n", args);
	}

	static String fmt(double value) {
		return String.format(Locale.ROOT, "%.1f", value);
	}

	static String fmt0(double value) {
		return String.format(Locale.ROOT, "%.0f", value);
	}

	static Map<String, String> options(String[] args) {
		Map<String, String> options = new LinkedHashMap<>();
		for (int i = 0; i < args.length; i++) {
			if (!args[i].startsWith("--")) {
				throw new IllegalArgumentException("Unexpected argument " + args[i]);
			}
			String name = args[i].substring(2);
			if (name.contains("=")) {
				options.put(name.substring(0, name.indexOf('=')), name.substring(name.indexOf('=') + 1));
			}
			else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
				options.put(name, args[++i]);
			}
			else {
				options.put(name, "true");
			}
		}
		return options;
	}
}
