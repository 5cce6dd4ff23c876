import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * Page weight of the applicant's journey, as a browser with an empty cache would download each page: the HTML plus
 * every stylesheet, script, image and font it references, each counted once per page, with
 * {@code Accept-Encoding: gzip}. Every page is fetched in each of the four languages; the heaviest counts. Also checks
 * that each page works without JavaScript: every form is a plain HTML form with an action, a method and a submit
 * control, and nothing relies on inline script.
 *
 * <pre>java bench/PageWeight.java --base-url http://localhost:8080 [--markdown out.md] [--limit-kb 100]</pre>
 *
 * Needs a running Hearth with the demo profile (demo applicant). Not a test: it measures, it does not assert; the exit
 * status is 0 even when a page is over the limit (the report says so), and non-zero only when the journey itself
 * cannot be completed.
 */
public class PageWeight {

	static final List<String> LANGUAGES = List.of("hy", "az", "ru", "en");

	/** {@code <link rel>} values a browser downloads; alternate, canonical and the like are not fetched. */
	static final Set<String> FETCHED_LINK_RELS = Set.of("stylesheet", "icon", "shortcut", "apple-touch-icon",
			"preload", "modulepreload", "manifest", "mask-icon");

	static final Pattern LINK = Pattern.compile("<link\\b([^>]*)>", Pattern.CASE_INSENSITIVE);
	static final Pattern SCRIPT = Pattern.compile("<script\\b([^>]*)>(.*?)</script>",
			Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
	static final Pattern IMG = Pattern.compile("<img\\b([^>]*)>", Pattern.CASE_INSENSITIVE);
	static final Pattern CSS_URL = Pattern.compile("url\\(\\s*['\"]?([^'\")]+?)['\"]?\\s*\\)");
	static final Pattern CSS_IMPORT = Pattern.compile("@import\\s+['\"]([^'\"]+)['\"]");
	static final Pattern FORM = Pattern.compile("<form\\b([^>]*)>(.*?)</form>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
	static final Pattern INLINE_HANDLER = Pattern.compile("<[a-zA-Z][^>]*\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);
	static final Pattern JS_URL = Pattern.compile("(?:href|action|src)\\s*=\\s*['\"]\\s*javascript:",
			Pattern.CASE_INSENSITIVE);
	static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	public static void main(String[] args) throws Exception {
		Map<String, String> options = options(args);
		String base = options.getOrDefault("base-url", "http://localhost:8080").replaceAll("/$", "");
		String email = options.getOrDefault("email", "applicant@hearth.demo");
		String password = options.getOrDefault("password", "hearth-demo-2026");
		String service = options.getOrDefault("service", "residency");
		double limitKb = Double.parseDouble(options.getOrDefault("limit-kb", "100"));
		Path markdown = options.containsKey("markdown") ? Path.of(options.get("markdown")) : null;

		var browser = new Browser(base);
		var measured = new ArrayList<PageResult>();

		// Signed out: what a first-time visitor downloads.
		for (String path : List.of("/", "/login", "/register", "/services/" + service)) {
			measured.add(measure(browser, path, path, null));
		}

		// Sign in through the real form, as a person would.
		browser.signIn(email, password);
		measured.add(measure(browser, "/applications/new?service=" + service, "/applications/new?service=" + service,
				null));

		// Start a draft through the start page's form.
		Response startPage = browser.get("/applications/new?service=" + service, "en");
		Response started = browser.postForm("/applications",
				Map.of("service", service, "_csrf", csrf(startPage.text())), "en");
		String location = started.header("location");
		Matcher idMatch = Pattern.compile("/applications/([0-9a-f-]{36})/").matcher(String.valueOf(location));
		if (started.status() != 302 || !idMatch.find()) {
			throw new IllegalStateException("Starting a draft gave " + started.status() + " " + location);
		}
		String id = idMatch.group(1);

		List<String> pages = pageIds(browser, service);
		for (String page : pages) {
			String path = "/applications/" + id + "/pages/" + page;
			measured.add(measure(browser, path, "/applications/{id}/pages/" + page, "as first opened"));
		}

		// Complete the draft: all answers and the identity document, with a bearer token of the same applicant
		// (the API stores answers in the same shape the pages do), then measure the pages again with answers shown.
		String token = browser.apiToken(email, password);
		Response saved = browser.api("PUT", "/api/v1/applications/" + id + "/answers", token,
				"{\"answers\":" + ANSWERS + "}");
		if (saved.status() != 200) {
			throw new IllegalStateException("Saving answers gave " + saved.status() + ": " + saved.text());
		}
		Response upload = browser.upload("/api/v1/applications/" + id + "/documents?question=identityDocument", token,
				PDF, "passport.pdf");
		if (upload.status() != 201) {
			throw new IllegalStateException("Uploading the identity document gave " + upload.status() + ": "
					+ upload.text());
		}
		for (String page : pages) {
			String path = "/applications/" + id + "/pages/" + page;
			measured.add(measure(browser, path, "/applications/{id}/pages/" + page, "with answers"));
		}
		measured.add(measure(browser, "/applications/" + id + "/check", "/applications/{id}/check", null));

		// Submit through the check page's form.
		Response check = browser.get("/applications/" + id + "/check", "en");
		Response submitted = browser.postForm("/applications/" + id + "/submit", Map.of("_csrf", csrf(check.text())),
				"en");
		if (submitted.status() != 302 || !String.valueOf(submitted.header("location")).endsWith("/submitted")) {
			throw new IllegalStateException("Submitting gave " + submitted.status() + " " + submitted.header("location"));
		}
		measured.add(measure(browser, "/applications/" + id + "/submitted", "/applications/{id}/submitted", null));
		measured.add(measure(browser, "/applications/" + id, "/applications/{id}", null));

		String report = report(measured, limitKb, base);
		System.out.println(report);
		if (markdown != null) {
			Files.writeString(markdown, report);
		}
	}

	// ---- measuring -----------------------------------------------------------------------------------------------

	record Transfer(String url, int status, long headerBytes, long bodyBytes, long decodedBytes, String encoding,
			String cacheControl) {

		long total() {
			return headerBytes + bodyBytes;
		}
	}

	record LanguageResult(String language, Transfer html, List<Transfer> resources, FormCheck forms) {

		long total() {
			return html.total() + resources.stream().mapToLong(Transfer::total).sum();
		}

		int requests() {
			return 1 + resources.size();
		}
	}

	record PageResult(String label, String state, List<LanguageResult> languages) {

		LanguageResult heaviest() {
			return languages.stream().max(java.util.Comparator.comparingLong(LanguageResult::total)).orElseThrow();
		}

		boolean worksWithoutJs() {
			return languages.stream().allMatch(l -> l.forms().problems().isEmpty());
		}
	}

	record FormCheck(int forms, List<String> problems) {
	}

	static PageResult measure(Browser browser, String path, String label, String state) throws Exception {
		var results = new ArrayList<LanguageResult>();
		for (String language : LANGUAGES) {
			Response page = browser.get(path, language);
			if (page.status() != 200) {
				throw new IllegalStateException("GET " + path + " (" + language + ") gave " + page.status()
						+ (page.header("location") == null ? "" : " to " + page.header("location")));
			}
			URI pageUri = URI.create(browser.base + path);
			String html = page.text();
			// Every resource once, as a browser with an empty cache would fetch it for this page.
			Set<URI> wanted = new LinkedHashSet<>(references(pageUri, html));
			var resources = new ArrayList<Transfer>();
			Set<URI> done = new LinkedHashSet<>();
			while (!wanted.isEmpty()) {
				URI next = wanted.iterator().next();
				wanted.remove(next);
				if (!done.add(next)) {
					continue;
				}
				Response resource = browser.getAbsolute(next, language);
				resources.add(resource.transfer(next.toString()));
				String type = String.valueOf(resource.header("content-type"));
				if (resource.status() == 200 && (type.startsWith("text/css") || next.getPath().endsWith(".css"))) {
					for (URI inner : cssReferences(next, resource.text())) {
						if (!done.contains(inner)) {
							wanted.add(inner);
						}
					}
				}
			}
			results.add(new LanguageResult(language, page.transfer(pageUri.toString()), resources, checkForms(html)));
		}
		return new PageResult(label, state, results);
	}

	static List<URI> references(URI page, String html) {
		var found = new ArrayList<URI>();
		Matcher link = LINK.matcher(html);
		while (link.find()) {
			String rel = attribute(link.group(1), "rel");
			String href = attribute(link.group(1), "href");
			if (href == null || rel == null) {
				continue;
			}
			boolean fetched = false;
			for (String token : rel.toLowerCase(Locale.ROOT).split("\\s+")) {
				fetched |= FETCHED_LINK_RELS.contains(token);
			}
			if (fetched) {
				addUnlessData(found, page, href);
			}
		}
		Matcher script = SCRIPT.matcher(html);
		while (script.find()) {
			String src = attribute(script.group(1), "src");
			if (src != null) {
				addUnlessData(found, page, src);
			}
		}
		Matcher img = IMG.matcher(html);
		while (img.find()) {
			String src = attribute(img.group(1), "src");
			if (src != null) {
				addUnlessData(found, page, src);
			}
		}
		// Inline style attributes and <style> blocks may reference images and fonts too.
		Matcher url = CSS_URL.matcher(html);
		while (url.find()) {
			addUnlessData(found, page, url.group(1));
		}
		return found;
	}

	static List<URI> cssReferences(URI stylesheet, String css) {
		var found = new ArrayList<URI>();
		for (Pattern pattern : List.of(CSS_URL, CSS_IMPORT)) {
			Matcher m = pattern.matcher(css);
			while (m.find()) {
				addUnlessData(found, stylesheet, m.group(1));
			}
		}
		return found;
	}

	private static void addUnlessData(List<URI> found, URI base, String reference) {
		String ref = unescape(reference.strip());
		if (ref.isEmpty() || ref.startsWith("data:") || ref.startsWith("#")) {
			return;
		}
		URI resolved = base.resolve(ref.replace(" ", "%20"));
		// A fragment is not part of what is downloaded.
		found.add(URI.create(resolved.toString().replaceFirst("#.*$", "")));
	}

	/**
	 * Works without JavaScript: each form is an ordinary HTML form (action, GET or POST, a submit control; a file
	 * input only in a multipart POST form), and the page has no inline script or handler that something could
	 * depend on (the Content-Security-Policy would block them anyway).
	 */
	static FormCheck checkForms(String html) {
		var problems = new ArrayList<String>();
		Matcher form = FORM.matcher(html);
		int count = 0;
		while (form.find()) {
			count++;
			String attributes = form.group(1);
			String body = form.group(2);
			String action = attribute(attributes, "action");
			String method = attribute(attributes, "method");
			String name = "form " + count + (action == null ? "" : " (" + action.replaceAll("[0-9a-f-]{36}", "{id}")
					.replaceAll("\\?.*", "") + ")");
			if (action == null || action.isBlank()) {
				problems.add(name + ": no action");
			}
			else if (action.strip().toLowerCase(Locale.ROOT).startsWith("javascript:")) {
				problems.add(name + ": javascript: action");
			}
			if (method == null || !Set.of("get", "post").contains(method.strip().toLowerCase(Locale.ROOT))) {
				problems.add(name + ": method " + (method == null ? "missing" : "'" + method + "'"));
			}
			if (!hasSubmitControl(body)) {
				problems.add(name + ": no submit button");
			}
			if (Pattern.compile("<input\\b[^>]*type\\s*=\\s*['\"]?file", Pattern.CASE_INSENSITIVE).matcher(body).find()
					&& !(String.valueOf(attribute(attributes, "enctype")).equalsIgnoreCase("multipart/form-data")
							&& "post".equalsIgnoreCase(String.valueOf(method).strip()))) {
				problems.add(name + ": file input outside a multipart POST form");
			}
		}
		if (Pattern.compile("<form\\b", Pattern.CASE_INSENSITIVE).matcher(html).results().count() != count) {
			problems.add("unclosed or nested <form>");
		}
		Matcher script = SCRIPT.matcher(html);
		while (script.find()) {
			if (attribute(script.group(1), "src") == null && !script.group(2).isBlank()) {
				problems.add("inline <script>");
			}
		}
		if (INLINE_HANDLER.matcher(html).find()) {
			problems.add("inline event handler (on...=)");
		}
		if (JS_URL.matcher(html).find()) {
			problems.add("javascript: URL");
		}
		return new FormCheck(count, problems);
	}

	private static boolean hasSubmitControl(String formBody) {
		Matcher button = Pattern.compile("<button\\b([^>]*)>", Pattern.CASE_INSENSITIVE).matcher(formBody);
		while (button.find()) {
			String type = attribute(button.group(1), "type");
			if (type == null || type.equalsIgnoreCase("submit")) {
				return true;
			}
		}
		return Pattern.compile("<input\\b[^>]*type\\s*=\\s*['\"]?(submit|image)\\b", Pattern.CASE_INSENSITIVE)
				.matcher(formBody).find();
	}

	static String attribute(String attributes, String name) {
		Matcher m = Pattern.compile("(?:^|\\s)" + name + "\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s>]+))",
				Pattern.CASE_INSENSITIVE).matcher(attributes);
		if (!m.find()) {
			return null;
		}
		String value = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
		return unescape(value);
	}

	static String unescape(String html) {
		return html.replace("&amp;", "&").replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<")
				.replace("&gt;", ">");
	}

	static String csrf(String html) {
		Matcher m = CSRF.matcher(html);
		if (!m.find()) {
			throw new IllegalStateException("No CSRF token on the page");
		}
		return m.group(1);
	}

	// ---- report ---------------------------------------------------------------------------------------------------

	static String report(List<PageResult> pages, double limitKb, String base) {
		var out = new StringBuilder();
		out.append("### Page weight of the applicant journey\n\n");
		out.append("Bytes transferred per page with `Accept-Encoding: gzip` and an empty cache: the HTML plus each "
				+ "stylesheet, script, image and font it references (once per page), response headers included. "
				+ "Each page was fetched in hy, az, ru and en; the heaviest language is shown. 1 KB = 1024 bytes. "
				+ "Question pages are measured twice: as first opened (empty draft) and with every answer filled in.\n\n");
		out.append("| page | state | requests | HTML gzip / raw | resources | total (heaviest) | language | target ≤ "
				+ fmt(limitKb) + " KB | forms | works without JS |\n");
		out.append("|---|---|---:|---:|---:|---:|---|---|---:|---|\n");
		int over = 0;
		int noJsFailures = 0;
		double heaviest = 0;
		String heaviestPage = "";
		for (PageResult page : pages) {
			LanguageResult worst = page.heaviest();
			double totalKb = worst.total() / 1024.0;
			boolean ok = totalKb <= limitKb;
			if (!ok) {
				over++;
			}
			if (!page.worksWithoutJs()) {
				noJsFailures++;
			}
			if (totalKb > heaviest) {
				heaviest = totalKb;
				heaviestPage = page.label() + (page.state() == null ? "" : " (" + page.state() + ")");
			}
			long resources = worst.resources().stream().mapToLong(Transfer::total).sum();
			Set<String> problems = new LinkedHashSet<>();
			page.languages().forEach(l -> problems.addAll(l.forms().problems()));
			out.append("| `").append(page.label()).append("` | ").append(page.state() == null ? "" : page.state())
					.append(" | ").append(worst.requests())
					.append(" | ").append(fmt(worst.html().bodyBytes() / 1024.0)).append(" / ")
					.append(fmt(worst.html().decodedBytes() / 1024.0)).append(" KB")
					.append(" | ").append(fmt(resources / 1024.0)).append(" KB")
					.append(" | **").append(fmt(totalKb)).append(" KB**")
					.append(" | ").append(worst.language())
					.append(" | ").append(ok ? "met" : "**NOT MET**")
					.append(" | ").append(worst.forms().forms())
					.append(" | ").append(problems.isEmpty() ? "yes" : "**no**: " + String.join("; ", problems))
					.append(" |\n");
		}
		out.append("\nHeaviest page: `").append(heaviestPage).append("` at ").append(fmt(heaviest)).append(" KB. ")
				.append(over == 0 ? "Every page is within " + fmt(limitKb) + " KB." : over + " page(s) over "
						+ fmt(limitKb) + " KB.")
				.append(noJsFailures == 0 ? " Every form on every page is a plain HTML form (action, method, submit "
						+ "button; uploads in multipart POST forms) and no page has inline script or handlers."
						: " " + noJsFailures + " page(s) have a form or script that may not work without JavaScript.")
				.append("\n\n");

		out.append("Totals per language (KB):\n\n| page | state | hy | az | ru | en |\n|---|---|---:|---:|---:|---:|\n");
		for (PageResult page : pages) {
			out.append("| `").append(page.label()).append("` | ").append(page.state() == null ? "" : page.state());
			for (String language : LANGUAGES) {
				page.languages().stream().filter(l -> l.language().equals(language)).findFirst()
						.ifPresent(l -> out.append(" | ").append(fmt(l.total() / 1024.0)));
			}
			out.append(" |\n");
		}

		out.append("\nResources referenced (as fetched for the last page):\n\n| resource | status | encoding | "
				+ "transferred | decoded | Cache-Control |\n|---|---:|---|---:|---:|---|\n");
		LanguageResult last = pages.get(pages.size() - 1).heaviest();
		boolean uncacheable = false;
		for (Transfer t : last.resources()) {
			out.append("| `").append(t.url().replace(base, "")).append("` | ").append(t.status()).append(" | ")
					.append(t.encoding()).append(" | ").append(t.total()).append(" B | ").append(t.decodedBytes())
					.append(" B | `").append(t.cacheControl()).append("` |\n");
			uncacheable |= t.cacheControl().contains("no-store");
		}
		if (uncacheable) {
			out.append("\nThe static resources are sent with `no-store`: a browser downloads them again for every page, "
					+ "so the empty-cache weight above is what each page view costs, not only the first.\n");
		}
		out.append('\n');
		return out.toString();
	}

	static String fmt(double value) {
		return String.format(Locale.ROOT, "%.1f", value);
	}

	// ---- a small browser: cookies, CSRF, gzip -------------------------------------------------------------------

	record Response(int status, Map<String, List<String>> headers, byte[] raw, byte[] decoded, long headerBytes) {

		String header(String name) {
			List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
			return values == null || values.isEmpty() ? null : values.get(0);
		}

		String text() {
			return new String(decoded, StandardCharsets.UTF_8);
		}

		Transfer transfer(String url) {
			return new Transfer(url, status, headerBytes, raw.length, decoded.length,
					header("content-encoding") == null ? "identity" : header("content-encoding"),
					header("cache-control") == null ? "" : header("cache-control"));
		}
	}

	static final class Browser {

		final String base;
		final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
				.connectTimeout(Duration.ofSeconds(10)).version(HttpClient.Version.HTTP_1_1).build();
		final Map<String, String> cookies = new LinkedHashMap<>();

		Browser(String base) {
			this.base = base;
		}

		Response get(String path, String language) throws IOException, InterruptedException {
			return getAbsolute(URI.create(base + path), language);
		}

		Response getAbsolute(URI uri, String language) throws IOException, InterruptedException {
			return send(HttpRequest.newBuilder(uri).GET(), language);
		}

		Response postForm(String path, Map<String, String> fields, String language)
				throws IOException, InterruptedException {
			var body = new StringBuilder();
			fields.forEach((k, v) -> body.append(body.length() == 0 ? "" : "&")
					.append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
					.append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
			return send(HttpRequest.newBuilder(URI.create(base + path))
					.header("Content-Type", "application/x-www-form-urlencoded")
					.POST(HttpRequest.BodyPublishers.ofString(body.toString())), language);
		}

		void signIn(String email, String password) throws IOException, InterruptedException {
			Response login = get("/login", "en");
			Response result = postForm("/login", Map.of("email", email, "password", password, "_csrf",
					csrf(login.text())), "en");
			String location = String.valueOf(result.header("location"));
			if (result.status() != 302 || location.contains("/login")) {
				throw new IllegalStateException("Sign-in as " + email + " failed: " + result.status() + " " + location);
			}
		}

		String apiToken(String email, String password) throws IOException, InterruptedException {
			Response issued = api("POST", "/api/v1/auth/tokens", null,
					"{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
			if (issued.status() != 201) {
				throw new IllegalStateException("No API token for " + email + ": " + issued.status());
			}
			return (String) ((Map<?, ?>) Json.parse(issued.text())).get("token");
		}

		Response api(String method, String path, String token, String json) throws IOException, InterruptedException {
			var request = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
					.header("Accept-Language", "en").method(method, HttpRequest.BodyPublishers.ofString(json));
			if (token != null) {
				request.header("Authorization", "Bearer " + token);
			}
			return raw(request);
		}

		Response upload(String path, String token, byte[] content, String filename)
				throws IOException, InterruptedException {
			String boundary = "hearth-bench-boundary";
			byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
					+ "\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8);
			byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
			byte[] body = new byte[head.length + content.length + tail.length];
			System.arraycopy(head, 0, body, 0, head.length);
			System.arraycopy(content, 0, body, head.length, content.length);
			System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
			return raw(HttpRequest.newBuilder(URI.create(base + path))
					.header("Content-Type", "multipart/form-data; boundary=" + boundary)
					.header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
		}

		private Response send(HttpRequest.Builder request, String language) throws IOException, InterruptedException {
			var cookieHeader = new StringBuilder();
			var sent = new LinkedHashMap<>(cookies);
			// The language a person chose is remembered in this cookie; set it for each fetch.
			sent.put("hearth-lang", language);
			sent.forEach((k, v) -> cookieHeader.append(cookieHeader.length() == 0 ? "" : "; ").append(k).append('=')
					.append(v));
			request.header("Cookie", cookieHeader.toString())
					.header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
					.header("Accept-Encoding", "gzip");
			Response response = raw(request);
			for (String setCookie : response.headers().getOrDefault("set-cookie", List.of())) {
				String pair = setCookie.split(";", 2)[0];
				int eq = pair.indexOf('=');
				if (eq > 0 && !pair.substring(0, eq).equals("hearth-lang")) {
					cookies.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
				}
			}
			return response;
		}

		private Response raw(HttpRequest.Builder request) throws IOException, InterruptedException {
			HttpResponse<byte[]> response = client.send(request.timeout(Duration.ofSeconds(60)).build(),
					HttpResponse.BodyHandlers.ofByteArray());
			byte[] raw = response.body();
			Map<String, List<String>> headers = new LinkedHashMap<>();
			// Status line, each header line, the blank line: what came over the wire before the body.
			long headerBytes = ("HTTP/1.1 " + response.statusCode() + " \r\n").length() + 2;
			for (var entry : response.headers().map().entrySet()) {
				headers.put(entry.getKey().toLowerCase(Locale.ROOT), entry.getValue());
				for (String value : entry.getValue()) {
					headerBytes += entry.getKey().length() + 2 + value.getBytes(StandardCharsets.UTF_8).length + 2;
				}
			}
			byte[] decoded = raw;
			List<String> encoding = headers.getOrDefault("content-encoding", List.of());
			if (encoding.contains("gzip")) {
				try (var in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
					decoded = in.readAllBytes();
				}
				catch (IOException e) {
					throw new UncheckedIOException("Bad gzip from " + response.uri(), e);
				}
			}
			return new Response(response.statusCode(), headers, raw, decoded, headerBytes);
		}
	}

	/** The page ids of the service, in order, from its public definition. */
	@SuppressWarnings("unchecked")
	static List<String> pageIds(Browser browser, String service) throws IOException, InterruptedException {
		Response definition = browser.api("GET", "/api/v1/services/" + service, null, "");
		if (definition.status() != 200) {
			throw new IllegalStateException("GET /api/v1/services/" + service + " gave " + definition.status());
		}
		var pages = (List<Map<String, Object>>) ((Map<String, Object>) Json.parse(definition.text())).get("pages");
		return pages.stream().map(p -> (String) p.get("id")).toList();
	}

	// ---- the answers of a complete residency application (as in the tests' Residency.answers) ---------------------

	static final String ANSWERS = """
			{"name":{"written":"Արմեն Պետրոսյան","latin":"Armen Petrosyan"},"birthDate":"1980-05-01",\
			"birthCountry":"AZ","birthPlace":"Ստեփանակերտ","currentCountry":"AM","currentAddress":"Yerevan, Abovyan 1",\
			"previousSettlement":"xankendi","hasHousehold":"no","phone":"+374 10 123456",\
			"identityDocumentType":"passport","consent":["true-and-complete"]}""";

	static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

	// ---- helpers ----------------------------------------------------------------------------------------------------

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

	/** Just enough JSON for API responses: objects, arrays, strings, numbers, booleans, null. */
	static final class Json {

		private final String s;
		private int i;

		private Json(String s) {
			this.s = s;
		}

		static Object parse(String text) {
			var json = new Json(text);
			Object value = json.value();
			json.space();
			if (json.i != text.length()) {
				throw new IllegalArgumentException("Trailing characters in JSON at " + json.i);
			}
			return value;
		}

		private Object value() {
			space();
			char c = s.charAt(i);
			if (c == '{') {
				i++;
				Map<String, Object> map = new LinkedHashMap<>();
				space();
				if (s.charAt(i) == '}') {
					i++;
					return map;
				}
				while (true) {
					space();
					String key = string();
					space();
					expect(':');
					map.put(key, value());
					space();
					if (s.charAt(i) == ',') {
						i++;
						continue;
					}
					expect('}');
					return map;
				}
			}
			if (c == '[') {
				i++;
				List<Object> list = new ArrayList<>();
				space();
				if (s.charAt(i) == ']') {
					i++;
					return list;
				}
				while (true) {
					list.add(value());
					space();
					if (s.charAt(i) == ',') {
						i++;
						continue;
					}
					expect(']');
					return list;
				}
			}
			if (c == '"') {
				return string();
			}
			if (s.startsWith("true", i)) {
				i += 4;
				return Boolean.TRUE;
			}
			if (s.startsWith("false", i)) {
				i += 5;
				return Boolean.FALSE;
			}
			if (s.startsWith("null", i)) {
				i += 4;
				return null;
			}
			int start = i;
			while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
				i++;
			}
			if (start == i) {
				throw new IllegalArgumentException("Unexpected '" + c + "' in JSON at " + i);
			}
			return Double.parseDouble(s.substring(start, i));
		}

		private String string() {
			expect('"');
			var out = new StringBuilder();
			while (true) {
				char c = s.charAt(i++);
				if (c == '"') {
					return out.toString();
				}
				if (c != '\\') {
					out.append(c);
					continue;
				}
				char e = s.charAt(i++);
				switch (e) {
					case 'n' -> out.append('\n');
					case 't' -> out.append('\t');
					case 'r' -> out.append('\r');
					case 'b' -> out.append('\b');
					case 'f' -> out.append('\f');
					case 'u' -> {
						out.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
						i += 4;
					}
					default -> out.append(e);
				}
			}
		}

		private void expect(char c) {
			if (s.charAt(i) != c) {
				throw new IllegalArgumentException("Expected '" + c + "' in JSON at " + i);
			}
			i++;
		}

		private void space() {
			while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
				i++;
			}
		}
	}
}
