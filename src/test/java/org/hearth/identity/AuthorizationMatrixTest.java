package org.hearth.identity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import org.hearth.HearthTest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ValueConstants;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Who may reach what, written down and checked: every endpoint of Hearth's handler mappings has a line in
 * {@code authorization-matrix.tsv} with the outcome for each kind of user, and each is requested as that user.
 * {@code ok}: served or refused for its input (authorization passed); {@code deny}: 403, 401 or sent to sign in;
 * {@code 404}: the record does not exist for this user (another applicant's application, another office's case, or
 * an id that names nothing). A new endpoint without a line fails the build with the line it would need; that line
 * is a decision to review, not to paste. With {@code -Dhearth.matrix.write=true} the file is rewritten from what
 * was observed, for review in the diff.
 *
 * <p>Each request runs in a transaction that is rolled back, so that a POST allowed to a role changes nothing
 * the other tests see. Ids in paths are those of one submitted application (office KHA) where ownership or office
 * decides, and random ones elsewhere: a role that may act gets 404 for a record that does not exist, one that may
 * not gets 403 before anything is looked up.
 */
@HearthTest
class AuthorizationMatrixTest {

	static final Path MATRIX = Path.of("src/test/resources/authorization-matrix.tsv");

	/** The people and staff the matrix is written for, in its columns' order. */
	enum Who {
		ANONYMOUS("anonymous"), APPLICANT("applicant"), OTHER_APPLICANT("other-applicant"),
		CASEWORKER("caseworker"), CASEWORKER_OTHER_OFFICE("caseworker-other-office"), SUPERVISOR("supervisor"),
		HOUSING_OFFICER("housing-officer"), AID_COORDINATOR("aid-coordinator"), SECRETARIAT("secretariat"),
		OBSERVER("observer"), STATISTICIAN("statistician"), DATA_PROTECTION_OFFICER("data-protection-officer"),
		ADMINISTRATOR("administrator");

		final String column;

		Who(String column) {
			this.column = column;
		}
	}

	/** Paths whose {id} is the fixture application: the applicant's own, a case of office KHA. */
	private static final Pattern OWNED = Pattern.compile("^/(api/v1/)?(applications|cases)/\\{id}.*");

	/** Values for parameters whose meaning decides whether the handler gets as far as the record's owner. */
	private static final Map<String, String> NAMED = Map.of("purpose", "REVIEW", "service", "residency", "question",
			"identityDocument", "outcome", "APPROVE");

	/** Bodies complete enough to get past the reading of the request; every other body is {@code {}}. */
	private static final Map<String, String> BODIES = Map.of(
			"POST\t/api/v1/auth/tokens", "{\"email\":\"nobody-%s@test.hearth\",\"password\":\"wrong\"}",
			"POST\t/api/v1/cases/{id}/recommendation", "{\"outcome\":\"APPROVE\",\"reasons\":[],\"explanation\":\"x\"}",
			"POST\t/api/v1/cases/{id}/decision", "{\"verdict\":\"CONFIRM\",\"comment\":\"x\",\"version\":1}");

	private static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(?::([^}]*))?}");

	private static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
			.getBytes(StandardCharsets.US_ASCII);

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	List<RequestMappingHandlerMapping> mappings;

	@Autowired
	TransactionTemplate transactions;

	record User(@Nullable CurrentUser user, @Nullable String token) {
	}

	record Endpoint(String method, String path, HandlerMethod handler) {

		String key() {
			return method + "\t" + path;
		}
	}

	@Test
	void everyEndpointAnswersEveryKindOfUserAsTheMatrixSays() throws Exception {
		Map<Who, User> who = people();
		String application = submittedApplication(who.get(Who.APPLICANT));

		Map<String, Map<Who, String>> observed = new TreeMap<>();
		List<String> errors = new ArrayList<>();
		List<String> statuses = new ArrayList<>();
		for (Endpoint endpoint : endpoints()) {
			Map<Who, String> outcomes = new EnumMap<>(Who.class);
			for (Who w : Who.values()) {
				MockHttpServletResponse response = perform(endpoint, who.get(w), application);
				String outcome = outcome(response);
				statuses.add(endpoint.key() + "\t" + w.column + "\t" + response.getStatus() + "\t"
						+ java.util.Objects.requireNonNullElse(response.getRedirectedUrl(), ""));
				if (outcome.equals("error")) {
					errors.add(endpoint.key() + " as " + w.column + ": " + response.getStatus());
				}
				outcomes.put(w, outcome);
			}
			observed.put(endpoint.key(), outcomes);
		}
		// The statuses behind the outcomes, for whoever reviews a change of the matrix.
		Files.write(Path.of("target/authorization-statuses.tsv"), statuses);
		assertThat(errors).as("server errors").isEmpty();

		if (Boolean.getBoolean("hearth.matrix.write")) {
			write(observed);
		}
		Map<String, Map<Who, String>> expected = read();
		List<String> missing = new ArrayList<>();
		List<String> differences = new ArrayList<>();
		observed.forEach((endpoint, outcomes) -> {
			Map<Who, String> wanted = expected.get(endpoint);
			if (wanted == null) {
				missing.add(line(endpoint, outcomes));
				return;
			}
			for (Who w : Who.values()) {
				if (!wanted.get(w).equals(outcomes.get(w))) {
					differences.add(endpoint + " as " + w.column + ": expected " + wanted.get(w) + ", got "
							+ outcomes.get(w));
				}
			}
		});
		List<String> stale = expected.keySet().stream().filter(e -> !observed.containsKey(e)).toList();
		assertThat(missing).as("endpoints without a line in %s: decide who may reach them; observed now:", MATRIX)
				.isEmpty();
		assertThat(stale).as("lines in %s for endpoints that no longer exist", MATRIX).isEmpty();
		assertThat(differences).as("outcomes that differ from %s", MATRIX).isEmpty();
		assertThat(observed).as("endpoints checked").hasSizeGreaterThan(150);
	}

	/** Every kind of user, each a new account (staff of office KHA but the one of another office). */
	private Map<Who, User> people() throws Exception {
		Map<Who, User> who = new EnumMap<>(Who.class);
		who.put(Who.ANONYMOUS, new User(null, null));
		who.put(Who.APPLICANT, user(users.newApplicant("en")));
		who.put(Who.OTHER_APPLICANT, user(users.newApplicant("en")));
		who.put(Who.CASEWORKER, user(users.newStaff(Set.of(Role.CASEWORKER), "KHA")));
		who.put(Who.CASEWORKER_OTHER_OFFICE, user(users.newStaff(Set.of(Role.CASEWORKER), "SHU")));
		who.put(Who.SUPERVISOR, user(users.newStaff(Set.of(Role.SUPERVISOR), "KHA")));
		who.put(Who.HOUSING_OFFICER, user(users.newStaff(Set.of(Role.HOUSING_OFFICER), "KHA")));
		who.put(Who.AID_COORDINATOR, user(users.newStaff(Set.of(Role.AID_COORDINATOR), "KHA")));
		who.put(Who.SECRETARIAT, user(users.newStaff(Set.of(Role.DIALOGUE_SECRETARIAT), "KHA")));
		who.put(Who.OBSERVER, user(users.newStaff(Set.of(Role.OBSERVER), "KHA")));
		who.put(Who.STATISTICIAN, user(users.newStaff(Set.of(Role.STATISTICIAN), "KHA")));
		who.put(Who.DATA_PROTECTION_OFFICER, user(users.newStaff(Set.of(Role.DATA_PROTECTION_OFFICER), "KHA")));
		who.put(Who.ADMINISTRATOR, user(users.newStaff(Set.of(Role.ADMINISTRATOR), "KHA")));
		return who;
	}

	private User user(CurrentUser user) throws Exception {
		var response = mvc.perform(post("/api/v1/auth/tokens").contentType(MediaType.APPLICATION_JSON)
				.content("{\"email\":\"" + users.email(user) + "\",\"password\":\"" + TestUsers.PASSWORD + "\"}"))
				.andReturn().getResponse();
		assertThat(response.getStatus()).as("token for %s", user).isEqualTo(201);
		return new User(user, JsonPath.read(response.getContentAsString(), "$.token"));
	}

	/** A residency application the applicant submitted: a case in office KHA. */
	private String submittedApplication(User applicant) throws Exception {
		var created = mvc.perform(post("/api/v1/applications").header("Authorization", "Bearer " + applicant.token())
				.contentType(MediaType.APPLICATION_JSON).content("""
						{"service":"residency","answers":{"name":{"written":"Armen Petrosyan","latin":"Armen Petrosyan"},
						"birthDate":"1980-05-01","birthCountry":"AZ","birthPlace":"Stepanakert","currentCountry":"AM",
						"currentAddress":"Yerevan","previousSettlement":"xankendi","hasHousehold":"no",
						"phone":"+374 10 123456","identityDocumentType":"passport","consent":["true-and-complete"]}}"""))
				.andReturn().getResponse();
		assertThat(created.getStatus()).isEqualTo(201);
		String id = JsonPath.read(created.getContentAsString(), "$.id");
		assertThat(mvc.perform(multipart("/api/v1/applications/" + id + "/documents").file(
				new MockMultipartFile("file", "passport.pdf", "application/pdf", PDF)).param("question",
						"identityDocument").header("Authorization", "Bearer " + applicant.token()))
				.andReturn().getResponse().getStatus()).isEqualTo(201);
		assertThat(mvc.perform(post("/api/v1/applications/" + id + "/submission").header("Authorization",
				"Bearer " + applicant.token())).andReturn().getResponse().getStatus()).isEqualTo(200);
		return id;
	}

	/** Hearth's own handlers and the OpenAPI documents, one endpoint per method and path. */
	private List<Endpoint> endpoints() {
		Map<String, Endpoint> endpoints = new LinkedHashMap<>();
		for (RequestMappingHandlerMapping mapping : mappings) {
			for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
				RequestMappingInfo info = entry.getKey();
				Set<org.springframework.web.bind.annotation.RequestMethod> methods = info.getMethodsCondition()
						.getMethods();
				for (String path : info.getPatternValues()) {
					if (methods.isEmpty()) {
						add(endpoints, new Endpoint("GET", path, entry.getValue()));
					}
					for (var method : methods) {
						add(endpoints, new Endpoint(method.name(), path, entry.getValue()));
					}
				}
			}
		}
		return List.copyOf(endpoints.values());
	}

	private static void add(Map<String, Endpoint> endpoints, Endpoint endpoint) {
		// The error page answers a direct visit, from anyone, with the page for an unknown error: a 500 by design.
		if (!endpoint.path().equals("/error")) {
			endpoints.putIfAbsent(endpoint.key(), endpoint);
		}
	}

	private MockHttpServletResponse perform(Endpoint endpoint, User user, String application) {
		AbstractMockHttpServletRequestBuilder<?> request = build(endpoint, application);
		boolean api = endpoint.path().startsWith("/api/");
		if (user.user() != null) {
			if (api) {
				request.header("Authorization", "Bearer " + user.token());
			}
			else {
				CurrentUser current = user.user();
				request.with(authentication(UsernamePasswordAuthenticationToken.authenticated(current, null,
						current.getAuthorities())));
			}
		}
		if (!api) {
			request.with(csrf());
		}
		request.header("Accept-Language", "en");
		// Failed sign-ins are counted by address: each request comes from its own, as in WebSession.
		String address = WebSession.uniqueAddress();
		request.with(r -> {
			r.setRemoteAddr(address);
			return r;
		});
		return transactions.execute(status -> {
			status.setRollbackOnly();
			try {
				return mvc.perform(request).andReturn().getResponse();
			}
			catch (Exception e) {
				throw new IllegalStateException(endpoint.key(), e);
			}
		});
	}

	/** The request with a value of the right type for every path variable and required parameter. */
	private static AbstractMockHttpServletRequestBuilder<?> build(Endpoint endpoint, String application) {
		Map<String, Class<?>> pathTypes = new LinkedHashMap<>();
		boolean multipart = false;
		boolean body = false;
		Map<String, String> parameters = new LinkedHashMap<>();
		Map<String, String> headers = new LinkedHashMap<>();
		List<String> files = new ArrayList<>();
		for (MethodParameter parameter : endpoint.handler().getMethodParameters()) {
			String name = parameter.getParameterName();
			Class<?> type = parameter.getParameterType();
			var path = parameter.getParameterAnnotation(PathVariable.class);
			var param = parameter.getParameterAnnotation(RequestParam.class);
			var part = parameter.getParameterAnnotation(RequestPart.class);
			var header = parameter.getParameterAnnotation(RequestHeader.class);
			if (path != null) {
				pathTypes.put(path.name().isEmpty() ? name : path.name(), type);
			}
			else if (MultipartFile.class.isAssignableFrom(type) || part != null) {
				multipart = true;
				String partName = part != null && !part.name().isEmpty() ? part.name()
						: param != null && !param.name().isEmpty() ? param.name() : name;
				files.add(partName);
			}
			else if (param != null && !Map.class.isAssignableFrom(type)) {
				String paramName = param.name().isEmpty() ? name : param.name();
				if (NAMED.containsKey(paramName)) {
					parameters.put(paramName, NAMED.get(paramName));
				}
				else if (param.required() && ValueConstants.DEFAULT_NONE.equals(param.defaultValue())) {
					parameters.put(paramName, sample(type));
				}
			}
			else if (header != null && header.required() && ValueConstants.DEFAULT_NONE.equals(header.defaultValue())
					&& !"Authorization".equalsIgnoreCase(header.name().isEmpty() ? name : header.name())) {
				headers.put(header.name().isEmpty() ? name : header.name(), "x");
			}
			else if (parameter.hasParameterAnnotation(RequestBody.class)) {
				body = true;
			}
		}
		String uri = expand(endpoint.path(), pathTypes, application);
		AbstractMockHttpServletRequestBuilder<?> request;
		if (multipart) {
			var upload = multipart(HttpMethod.valueOf(endpoint.method()), uri);
			files.forEach(name -> upload.file(new MockMultipartFile(name, "passport.pdf", "application/pdf", PDF)));
			request = upload;
		}
		else {
			request = request(HttpMethod.valueOf(endpoint.method()), uri);
		}
		parameters.forEach(request::param);
		headers.forEach(request::header);
		if (body) {
			request.contentType(MediaType.APPLICATION_JSON)
					.content(BODIES.getOrDefault(endpoint.key(), "{}").formatted(UUID.randomUUID()));
		}
		return request;
	}

	private static String expand(String pattern, Map<String, Class<?>> types, String application) {
		boolean owned = OWNED.matcher(pattern).matches();
		Matcher variable = VARIABLE.matcher(pattern);
		StringBuilder uri = new StringBuilder();
		boolean first = true;
		while (variable.find()) {
			String name = variable.group(1);
			String constraint = variable.group(2);
			String value;
			if (first && owned && name.equals("id")) {
				value = application;
			}
			else if (constraint != null && constraint.matches("[\\w-]+(\\|[\\w-]+)*")) {
				value = constraint.split("\\|")[0];
			}
			else {
				value = sample(types.getOrDefault(name, String.class));
			}
			first = false;
			variable.appendReplacement(uri, Matcher.quoteReplacement(value));
		}
		variable.appendTail(uri);
		return uri.toString().replace("/**", "/x");
	}

	/** A well-formed value of the type that names nothing that exists. */
	private static String sample(Class<?> type) {
		if (type == UUID.class || type.getSimpleName().endsWith("Id")) {
			return UUID.randomUUID().toString();
		}
		if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
			return "987654321";
		}
		if (type == LocalDate.class) {
			return "2031-01-06";
		}
		if (type == boolean.class || type == Boolean.class) {
			return "false";
		}
		if (type.isEnum()) {
			return ((Enum<?>) type.getEnumConstants()[0]).name();
		}
		return "x";
	}

	static String outcome(MockHttpServletResponse response) {
		int status = response.getStatus();
		String location = response.getRedirectedUrl();
		if (status == 401 || status == 403 || (status == 302 && location != null && location.endsWith("/login"))) {
			return "deny";
		}
		if (status == 404) {
			return "404";
		}
		return status >= 500 ? "error" : "ok";
	}

	private static String header() {
		StringBuilder header = new StringBuilder("method\tpath");
		for (Who w : Who.values()) {
			header.append('\t').append(w.column);
		}
		return header.toString();
	}

	private static String line(String endpoint, Map<Who, String> outcomes) {
		StringBuilder line = new StringBuilder(endpoint);
		for (Who w : Who.values()) {
			line.append('\t').append(outcomes.get(w));
		}
		return line.toString();
	}

	private static Map<String, Map<Who, String>> read() throws IOException {
		Map<String, Map<Who, String>> expected = new TreeMap<>();
		List<String> lines = Files.readAllLines(MATRIX).stream().filter(l -> !l.startsWith("#")).toList();
		assertThat(lines.get(0)).as("the matrix's columns").isEqualTo(header());
		for (String line : lines.subList(1, lines.size())) {
			if (line.isBlank()) {
				continue;
			}
			String[] cells = line.split("\t");
			assertThat(cells).as(line).hasSize(2 + Who.values().length);
			Map<Who, String> outcomes = new EnumMap<>(Who.class);
			for (Who w : Who.values()) {
				outcomes.put(w, cells[2 + w.ordinal()]);
			}
			assertThat(expected.put(cells[0] + "\t" + cells[1], outcomes)).as("listed twice: %s", line).isNull();
		}
		return expected;
	}

	private static void write(Map<String, Map<Who, String>> observed) throws IOException {
		List<String> lines = new ArrayList<>(Files.exists(MATRIX)
				? Files.readAllLines(MATRIX).stream().takeWhile(l -> l.startsWith("#")).toList() : List.of());
		lines.add(header());
		observed.forEach((endpoint, outcomes) -> lines.add(line(endpoint, outcomes)));
		Files.write(MATRIX, lines);
	}
}
