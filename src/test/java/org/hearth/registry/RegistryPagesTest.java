package org.hearth.registry;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.hearth.HearthTest;
import org.hearth.identity.CurrentUser;
import org.hearth.identity.Role;
import org.hearth.identity.TestUsers;
import org.hearth.identity.WebSession;
import org.hearth.registry.Registry.NewHousehold;
import org.hearth.registry.Registry.NewPerson;
import org.hearth.transparency.AccessLog;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.util.unit.DataSize;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The registry's staff pages as staff use them: a name found in another script, and the search recorded; a pair of
 * records merged only with an explanation, what was typed kept when it is refused; a list imported with a report in
 * the reader's language; and nobody else let in.
 */
@HearthTest
class RegistryPagesTest {

	static final String HEADER = String.join(",", RegistryImport.COLUMNS) + "\n";

	/** Letters written alike in Latin and Cyrillic and under every key: they keep this test's names apart. */
	private static final String LATIN = "bdflmnprt";
	private static final String CYRILLIC = "бдфлмнпрт";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	Registry registry;

	@Autowired
	Duplicates duplicates;

	@Autowired
	AccessLog accessLog;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MessageSource messages;

	@Value("${hearth.registry.import-max-size}")
	DataSize importLimit;

	@Value("${hearth.registry.import-max-unpacked-size}")
	DataSize importUnpackedLimit;

	private static String suffix() {
		var random = new java.util.Random();
		var suffix = new StringBuilder();
		for (int i = 0; i < 6; i++) {
			suffix.append(LATIN.charAt(random.nextInt(LATIN.length())));
		}
		return suffix.toString();
	}

	private static String cyrillic(String latin) {
		var out = new StringBuilder();
		for (char c : latin.toCharArray()) {
			out.append(CYRILLIC.charAt(LATIN.indexOf(c)));
		}
		return out.toString();
	}

	private MockHttpServletResponse perform(AbstractMockHttpServletRequestBuilder<?> request, CurrentUser user,
			String language) throws Exception {
		return mvc.perform(request.with(WebSession.signedIn(user)).with(WebSession.from(WebSession.uniqueAddress()))
				.header("Accept-Language", language)).andReturn().getResponse();
	}

	/** A page that must render: its HTML. */
	private String page(AbstractMockHttpServletRequestBuilder<?> request, CurrentUser user, String language)
			throws Exception {
		MockHttpServletResponse response = perform(request, user, language);
		assertThat(response.getStatus()).as(response.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(200);
		return response.getContentAsString(StandardCharsets.UTF_8);
	}

	private String message(String key, String language, Object... arguments) {
		return HtmlUtils.htmlEscape(messages.getMessage(key, arguments, Locale.forLanguageTag(language)), "UTF-8");
	}

	@Test
	void aNameIsFoundFromEveryScriptAndEachSearchIsRecorded() throws Exception {
		String suffix = suffix();
		UUID household = registry.register(new NewHousehold("susa", null, "registration", List.of(
				new NewPerson("Elşən", "Məmmədov" + suffix, "Həsən oğlu", LocalDate.of(1960, 3, 1), "Şuşa",
						1992),
				new NewPerson("Aytən", "Məmmədov" + suffix, null, null, null, null),
				new NewPerson("Тимур", "Мамедов" + cyrillic(suffix), null, null, null, null))));
		Registry.Person head = registry.household(household).get(0);
		CurrentUser caseworker = users.newStaff(Set.of(Role.CASEWORKER), "KHA");

		for (String spelling : List.of("Məmmədov", "Mammadov", "Мамедов")) {
			String query = spelling + (spelling.startsWith("М") ? cyrillic(suffix) : suffix);
			String html = page(get("/registry").param("q", query), caseworker, "en");
			assertThat(html).as(query).contains("Elşən Həsən oğlu Məmmədov" + suffix).contains("Aytən")
					.contains("Тимур Мамедов" + cyrillic(suffix)).contains("Timur Mamedov" + suffix)
					.contains("Şuşa")
					.contains("href=\"/registry/households/" + household + "\"");
			assertThat(html).containsPattern("<td>Head</td>");
		}
		assertThat(accessLog.of("person", head.id())).hasSize(3).allSatisfy(access -> {
			assertThat(access.action()).isEqualTo(AccessLog.Action.SEARCH);
			assertThat(access.purpose()).isEqualTo("REVIEW");
			assertThat(access.role()).isEqualTo("CASEWORKER");
			assertThat(access.office()).isEqualTo("KHA");
		});

		// No query: no results, and what the search does.
		String empty = page(get("/registry").param("q", "  "), caseworker, "ru");
		assertThat(empty).contains(message("registry.search.lead", "ru", Registry.SEARCH_LIMIT))
				.doesNotContain("data-testid=\"match\"");
		assertThat(accessLog.of("person", head.id())).hasSize(3);

		// Opening the household shows its members and is recorded for each of them.
		CurrentUser housing = users.newStaff(Set.of(Role.HOUSING_OFFICER), "SHU");
		String members = page(get("/registry/households/" + household), housing, "az");
		assertThat(members).contains("Elşən Həsən oğlu Məmmədov" + suffix).contains("Aytən Məmmədov" + suffix)
				.contains(message("registry.household.head", "az"));
		assertThat(accessLog.of("person", head.id())).first().satisfies(access -> {
			assertThat(access.action()).isEqualTo(AccessLog.Action.OPEN);
			assertThat(access.role()).isEqualTo("HOUSING_OFFICER");
		});

		MockHttpServletResponse unknown = perform(get("/registry/households/" + UUID.randomUUID()), housing, "en");
		assertThat(unknown.getStatus()).isEqualTo(404);
		assertThat(unknown.getContentAsString(StandardCharsets.UTF_8)).contains(message("error.not-found", "en"));
		assertThat(perform(get("/registry/households/not-an-id"), housing, "en").getStatus()).isEqualTo(404);
	}

	@Test
	void onlyTheRolesOfEachPageGetIn() throws Exception {
		CurrentUser applicant = users.newApplicant("en");
		for (String path : List.of("/registry", "/registry/duplicates", "/registry/import")) {
			assertThat(perform(get(path), applicant, "en").getStatus()).as(path).isEqualTo(403);
			MockHttpServletResponse anonymous = mvc.perform(get(path).with(WebSession.from(WebSession.uniqueAddress())))
					.andReturn().getResponse();
			assertThat(anonymous.getStatus()).as(path).isEqualTo(302);
			assertThat(anonymous.getRedirectedUrl()).as(path).endsWith("/login");
		}
		var csv = new MockMultipartFile("file", "list.csv", "text/csv", HEADER.getBytes(StandardCharsets.UTF_8));
		assertThat(perform(multipart("/registry/import").file(csv).with(csrf()), applicant, "en").getStatus())
				.isEqualTo(403);

		CurrentUser caseworker = users.newStaff(Set.of(Role.CASEWORKER), "KHA");
		CurrentUser housing = users.newStaff(Set.of(Role.HOUSING_OFFICER), "KHA");
		assertThat(perform(get("/registry/import"), caseworker, "en").getStatus()).isEqualTo(403);
		assertThat(perform(multipart("/registry/import").file(csv).with(csrf()), caseworker, "en").getStatus())
				.isEqualTo(403);
		assertThat(perform(get("/registry/duplicates"), housing, "en").getStatus()).isEqualTo(403);
		assertThat(perform(post("/registry/duplicates/detect").with(csrf()), caseworker, "en").getStatus())
				.as("only a supervisor starts a detection").isEqualTo(403);

		// The menu leads staff of these roles to the registry, and nobody else.
		assertThat(page(get("/"), caseworker, "en")).contains("href=\"/registry\"");
		assertThat(page(get("/"), housing, "en")).contains("href=\"/registry\"");
		assertThat(page(get("/"), applicant, "en")).doesNotContain("href=\"/registry\"");
		String registryPage = page(get("/registry"), housing, "en");
		assertThat(registryPage).contains("href=\"/registry/import\"").doesNotContain("href=\"/registry/duplicates\"");
	}

	@Test
	void aPairIsMergedOnlyWithAnExplanationAndWhatWasTypedIsKept() throws Exception {
		// A birth date no other test uses, so that only these two records pair up.
		LocalDate born = LocalDate.of(1900, 1, 1).plusDays(Math.floorMod(UUID.randomUUID().hashCode(), 30_000));
		UUID azerbaijani = registry.register(new NewHousehold("susa", null, "registration",
				List.of(new NewPerson("Rəşad", "Quliyev", null, born, "Şuşa", 1992))));
		UUID russian = registry.register(new NewHousehold("susa", null, "import:list-7",
				List.of(new NewPerson("Рашад", "Гулиев", null, born, "Шуша", 1992))));
		UUID first = registry.household(azerbaijani).get(0).id();
		UUID second = registry.household(russian).get(0).id();
		CurrentUser supervisor = users.newStaff(Set.of(Role.SUPERVISOR), "SHU");
		CurrentUser caseworker = users.newStaff(Set.of(Role.CASEWORKER), "SHU");

		MockHttpServletResponse detected = perform(post("/registry/duplicates/detect").with(csrf()), supervisor, "en");
		assertThat(detected.getRedirectedUrl()).isEqualTo("/registry/duplicates");
		Duplicates.Duplicate pair = duplicates.open(10_000).stream()
				.filter(d -> Set.of(d.first(), d.second()).equals(Set.of(first, second))).findFirst().orElseThrow();
		UUID a = pair.first();

		String list = page(get("/registry/duplicates"), caseworker, "en");
		assertThat(list).contains("href=\"/registry/duplicates/" + pair.id() + "\"")
				.contains(message("registry.reason.SAME_BIRTH_DATE", "en"))
				.doesNotContain("Rəşad").as("the list shows no names");
		String view = page(get("/registry/duplicates/" + pair.id()), caseworker, "en");
		assertThat(view).contains("Rəşad").contains("Рашад")
				.contains(message("registry.reason.SAME_BIRTH_PLACE", "en"))
				.contains("/registry/duplicates/" + pair.id() + "/merge");
		assertThat(accessLog.of("person", first)).first()
				.satisfies(access -> assertThat(access.purpose()).isEqualTo("QUALITY_CHECK"));

		// No explanation: the message in the page's language, the choice kept, nothing merged.
		String refused = page(post("/registry/duplicates/" + pair.id() + "/merge").param("survivor", a.toString())
				.param("explanation", "   ").with(csrf()), caseworker, "ru");
		assertThat(refused).contains(message("registry.error.explanation-required", "ru"))
				.containsPattern("value=\"" + a + "\"\\s+checked");
		// No choice of record: the explanation typed is kept.
		String unchosen = page(post("/registry/duplicates/" + pair.id() + "/merge")
				.param("explanation", "Same passport <AB123>").with(csrf()), caseworker, "en");
		assertThat(unchosen).contains(message("registry.error.survivor", "en"))
				.contains(">Same passport &lt;AB123&gt;</textarea>").doesNotContain("checked=\"checked\"");
		assertThat(duplicates.get(pair.id()).status()).isEqualTo(Duplicates.Status.OPEN);
		assertThat(jdbc.sql("SELECT count(*) FROM registry.person WHERE id IN (?, ?) AND merged_into IS NOT NULL")
				.param(first).param(second).query(Integer.class).single()).isZero();

		MockHttpServletResponse merged = perform(post("/registry/duplicates/" + pair.id() + "/merge")
				.param("survivor", a.toString()).param("explanation", "Same passport number on both lists.")
				.with(csrf()), caseworker, "en");
		assertThat(merged.getRedirectedUrl()).isEqualTo("/registry/duplicates/" + pair.id());
		Duplicates.Duplicate decided = duplicates.get(pair.id());
		assertThat(decided.status()).isEqualTo(Duplicates.Status.MERGED);
		assertThat(decided.survivor()).isEqualTo(a);
		assertThat(decided.decision()).isNotNull().satisfies(decision -> {
			assertThat(decision.by()).isEqualTo(caseworker.uuid());
			assertThat(decision.role()).isEqualTo("CASEWORKER");
			assertThat(decision.office()).isEqualTo("SHU");
		});

		// Decided: read-only, with who and why.
		String shown = page(get("/registry/duplicates/" + pair.id()), supervisor, "en");
		assertThat(shown).contains(message("registry.pair.decision.MERGED", "en")).contains("Caseworker, Shusha office")
				.contains("Same passport number on both lists.").contains(message("registry.pair.first-stays", "en"))
				.doesNotContain("/registry/duplicates/" + pair.id() + "/merge")
				.doesNotContain("/registry/duplicates/" + pair.id() + "/dismiss");
		String late = page(post("/registry/duplicates/" + pair.id() + "/dismiss").param("explanation", "Not the same")
				.with(csrf()), supervisor, "en");
		assertThat(late).contains(message("registry.error.already-decided", "en"));
		assertThat(duplicates.get(pair.id()).status()).isEqualTo(Duplicates.Status.MERGED);

		assertThat(perform(get("/registry/duplicates/" + Long.MAX_VALUE), caseworker, "en").getStatus()).isEqualTo(404);
	}

	@Test
	void aPairOfDifferentPeopleIsDismissedWithAnExplanation() throws Exception {
		LocalDate born = LocalDate.of(1900, 1, 1).plusDays(Math.floorMod(UUID.randomUUID().hashCode(), 30_000));
		UUID one = registry.register(new NewHousehold(null, null, "registration",
				List.of(new NewPerson("Samvel", "Sargsyan", null, born, null, null))));
		UUID other = registry.register(new NewHousehold(null, null, "registration",
				List.of(new NewPerson("Самвел", "Саргсян", null, born, null, null))));
		Set<UUID> ids = Set.of(registry.household(one).get(0).id(), registry.household(other).get(0).id());
		duplicates.detect();
		Duplicates.Duplicate pair = duplicates.open(10_000).stream()
				.filter(d -> Set.of(d.first(), d.second()).equals(ids)).findFirst().orElseThrow();
		CurrentUser caseworker = users.newStaff(Set.of(Role.CASEWORKER), "KHA");

		String refused = page(post("/registry/duplicates/" + pair.id() + "/dismiss").param("explanation", "")
				.with(csrf()), caseworker, "hy");
		assertThat(refused).contains(message("registry.error.explanation-required", "hy"));
		assertThat(duplicates.get(pair.id()).status()).isEqualTo(Duplicates.Status.OPEN);

		MockHttpServletResponse dismissed = perform(post("/registry/duplicates/" + pair.id() + "/dismiss")
				.param("explanation", "Different fathers on the two registrations.").with(csrf()), caseworker, "en");
		assertThat(dismissed.getRedirectedUrl()).isEqualTo("/registry/duplicates/" + pair.id());
		assertThat(duplicates.get(pair.id()).status()).isEqualTo(Duplicates.Status.DISMISSED);
		assertThat(page(get("/registry/duplicates"), caseworker, "en"))
				.doesNotContain("href=\"/registry/duplicates/" + pair.id() + "\"");
	}

	@Test
	void aSmallListIsImportedAndCounted() throws Exception {
		String family = "Abbasovpage" + suffix();
		String csv = HEADER
				+ "A1,Rövşən," + family + ",Vüqar oğlu,1970-02-03,Şuşa,1992,susa,\"Baku, Nizami 5\"\n"
				+ "A1,Leyla," + family + ",,1975-04-23,Şuşa,1992,susa,\n"
				+ "B2,Orxan," + family + ",,1990-01-30,Ağdam,1993,agdam,Sumqayıt\n";
		CurrentUser housing = users.newStaff(Set.of(Role.HOUSING_OFFICER), "KHA");

		String form = page(get("/registry/import"), housing, "en");
		assertThat(form).contains(HEADER.strip()).contains("enctype=\"multipart/form-data\"").contains("name=\"_csrf\"")
				.contains(message("registry.import.column.birth_date", "en")).contains(message("registry.import.lead", "en"))
				.contains("accept=\".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\"");

		String html = page(multipart("/registry/import").file(new MockMultipartFile("file", "C:\\lists\\list 7.csv",
				"text/csv", csv.getBytes(StandardCharsets.UTF_8))).with(csrf()), housing, "en");
		assertThat(html).contains(message("registry.import.imported", "en", 2, 3))
				.contains(message("registry.import.complete", "en")).doesNotContain("data-testid=\"problem\"");
		assertThat(jdbc.sql("""
				SELECT count(*) FROM registry.person p JOIN registry.household h ON h.id = p.household_id
				WHERE p.family_name = ? AND h.source LIKE 'import:%/list_7.csv'""").param(family).query(Integer.class)
				.single()).isEqualTo(3);

		// The report reloaded, or the same list sent again: refused, nobody registered twice.
		String again = page(multipart("/registry/import").file(new MockMultipartFile("file", "list 7 again.csv",
				"text/csv", csv.getBytes(StandardCharsets.UTF_8))).with(csrf()), housing, "ru");
		assertThat(again).contains(message("registry.import.already-imported", "ru", 2));
		assertThat(jdbc.sql("SELECT count(*) FROM registry.person WHERE family_name = ?").param(family)
				.query(Integer.class).single()).isEqualTo(3);
	}

	@Test
	void aBadRowIsReportedWithItsLineInTheReadersLanguage() throws Exception {
		String family = "Vardanyanpage" + suffix();
		String csv = HEADER
				+ "A1,Nihad," + family + ",,1970-02-03,,1992,,\n"
				+ "B2,Ani," + family + ",,1988-13-01,,1990,,\n"
				+ "B2,Davit," + family + ",,,,1990,,\n";
		CurrentUser supervisor = users.newStaff(Set.of(Role.SUPERVISOR), "KHA");

		String html = page(multipart("/registry/import").file(new MockMultipartFile("file", "list.csv", "text/csv",
				csv.getBytes(StandardCharsets.UTF_8))).with(csrf()), supervisor, "hy");
		assertThat(html).contains("lang=\"hy\"").contains(message("registry.import.imported", "hy", 1, 1));
		assertThat(html).containsPattern("<td>3</td>\\s*<td>" + java.util.regex.Pattern.quote(
				message("registry.import.birth-date", "hy", "1988-13-01")) + "</td>");
		assertThat(html).containsPattern("<td>4</td>\\s*<td>" + java.util.regex.Pattern.quote(
				message("registry.import.household-left-out", "hy", "B2")) + "</td>");
		assertThat(jdbc.sql("SELECT count(*) FROM registry.person WHERE family_name = ?").param(family)
				.query(Integer.class).single()).isEqualTo(1);
	}

	@Test
	void anEmptyOversizedOrBinaryFileIsRefusedWithAMessage() throws Exception {
		CurrentUser housing = users.newStaff(Set.of(Role.HOUSING_OFFICER), "KHA");

		String empty = page(multipart("/registry/import").file(new MockMultipartFile("file", "list.csv", "text/csv",
				new byte[0])).with(csrf()), housing, "ru");
		assertThat(empty).contains(message("registry.import.error.empty", "ru"))
				.doesNotContain("data-testid=\"report\"");
		String none = page(multipart("/registry/import").with(csrf()), housing, "en");
		assertThat(none).contains(message("registry.import.error.empty", "en"));

		byte[] large = new byte[(int) importLimit.toBytes() + 1];
		java.util.Arrays.fill(large, (byte) 'a');
		String tooLarge = page(multipart("/registry/import").file(new MockMultipartFile("file", "list.csv", "text/csv",
				large)).with(csrf()), housing, "en");
		assertThat(tooLarge).contains(message("registry.import.error.too-large", "en",
				importLimit.toBytes() / (1024.0 * 1024.0))).doesNotContain("data-testid=\"report\"");

		// A spreadsheet of before 2007 (.xls): neither text nor a ZIP.
		byte[] xls = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0 };
		String binary = page(multipart("/registry/import").file(new MockMultipartFile("file", "list.xls",
				"application/vnd.ms-excel", xls)).with(csrf()), housing, "az");
		assertThat(binary).contains(message("registry.import.error.not-text", "az"));

		// Windows-1251 Cyrillic is not UTF-8: refused, and the rows before the bad bytes are not kept either.
		String suffix = suffix();
		String family = "Гулиевстраница" + cyrillic(suffix);
		String csv = HEADER + "A1,Kamran,Quliyevpage" + suffix + ",,,,,,\n" + "B2,Рашад," + family + ",,,,,,\n";
		String legacy = page(multipart("/registry/import").file(new MockMultipartFile("file", "list.csv", "text/csv",
				csv.getBytes(Charset.forName("windows-1251")))).with(csrf()), housing, "en");
		assertThat(legacy).contains(message("registry.import.error.not-text", "en"));
		assertThat(jdbc.sql("SELECT count(*) FROM registry.person WHERE family_name IN (?, ?)").param(family)
				.param("Quliyevpage" + suffix).query(Integer.class).single()).isZero();
	}

	private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private MockMultipartFile workbook(String name, byte[] content) {
		return new MockMultipartFile("file", name, XLSX, content);
	}

	@Test
	void aWorkbookIsImportedOnceWithItsBadRowsAtTheRowsTheSpreadsheetShows() throws Exception {
		String family = "Əliyevpage" + suffix();
		byte[] xlsx = new TestWorkbook().row(1, RegistryImport.COLUMNS.toArray())
				.row(2, "A1", "Rövşən", family, "Vüqar oğlu", LocalDate.of(1970, 2, 3), "Şuşa", 1992, "susa",
						"Baku, Nizami 5")
				.row(3, "A1", "Günel", family, null, new TestWorkbook.Dated(LocalDate.of(1975, 4, 23),
						TestWorkbook.CUSTOM_DATE), "Şuşa", 1992, "susa")
				// Rows 4 and 5 are empty.
				.row(6, "B2", "Арам", family, null, "1988-13-01", null, 1990)
				.row(7, "B2", "Давид", family, null, null, null, 1990)
				.bytes();
		CurrentUser housing = users.newStaff(Set.of(Role.HOUSING_OFFICER), "KHA");

		// The content decides, not the name: a workbook called .csv is a workbook.
		String html = page(multipart("/registry/import").file(workbook("list 8.csv", xlsx)).with(csrf()), housing, "ru");
		assertThat(html).contains(message("registry.import.imported", "ru", 1, 2));
		assertThat(html).containsPattern("<td>6</td>\\s*<td>" + java.util.regex.Pattern.quote(
				message("registry.import.birth-date", "ru", "1988-13-01")) + "</td>");
		assertThat(html).containsPattern("<td>7</td>\\s*<td>" + java.util.regex.Pattern.quote(
				message("registry.import.household-left-out", "ru", "B2")) + "</td>");
		assertThat(jdbc.sql("""
				SELECT p.given_name || ' ' || p.birth_date || ' ' || p.displaced_year FROM registry.person p
				JOIN registry.household h ON h.id = p.household_id
				WHERE p.family_name = ? AND h.source LIKE 'import:%/list_8.csv' ORDER BY p.head DESC""").param(family)
				.query(String.class).list()).containsExactly("Rövşən 1970-02-03 1992", "Günel 1975-04-23 1992");

		// The same workbook again, under another name: refused, nobody registered twice.
		String again = page(multipart("/registry/import").file(workbook("list 8 again.xlsx", xlsx)).with(csrf()),
				housing, "az");
		assertThat(again).contains(message("registry.import.already-imported", "az", 1));
		assertThat(jdbc.sql("SELECT count(*) FROM registry.person WHERE family_name = ?").param(family)
				.query(Integer.class).single()).isEqualTo(2);

		// And a CSV file called .xlsx is CSV.
		String csvFamily = "Əliyevpage" + suffix();
		String csv = page(multipart("/registry/import").file(workbook("list.xlsx", (HEADER + "C3,Kamran," + csvFamily
				+ ",,,,,,\n").getBytes(StandardCharsets.UTF_8))).with(csrf()), housing, "en");
		assertThat(csv).contains(message("registry.import.imported", "en", 1, 1));
	}

	@Test
	void aZipThatIsNoWorkbookIsRefusedInTheReadersLanguage() throws Exception {
		CurrentUser housing = users.newStaff(Set.of(Role.HOUSING_OFFICER), "SHU");
		byte[] document = TestWorkbook.zip(java.util.Map.of("[Content_Types].xml", TestWorkbook.HEAD
				+ "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Override "
				+ "PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument"
				+ ".wordprocessingml.document.main+xml\"/></Types>", "word/document.xml", "<w:document/>"));
		String family = "Quliyevpage" + suffix();
		byte[] archive = TestWorkbook.zip(java.util.Map.of("list.csv", HEADER + "A1,Kamran," + family + ",,,,,,\n"));
		byte[] good = new TestWorkbook().row(1, RegistryImport.COLUMNS.toArray())
				.row(2, "A1", "Kamran", family).bytes();
		byte[] damaged = java.util.Arrays.copyOf(good, good.length - 30);

		for (var refused : List.of(java.util.Map.entry("hy", document), java.util.Map.entry("az", archive),
				java.util.Map.entry("ru", damaged), java.util.Map.entry("en", new byte[] { 'P', 'K', 3, 4, 0 }))) {
			MockHttpServletResponse response = perform(multipart("/registry/import")
					.file(workbook("list.xlsx", refused.getValue())).with(csrf()), housing, refused.getKey());
			String html = response.getContentAsString(StandardCharsets.UTF_8);
			assertThat(response.getStatus()).as(html).isEqualTo(200);
			assertThat(html).as(refused.getKey()).contains("lang=\"" + refused.getKey() + "\"")
					.contains(message("registry.import.error.not-spreadsheet", refused.getKey()))
					.doesNotContain("data-testid=\"report\"");
		}
		assertThat(jdbc.sql("SELECT count(*) FROM registry.person WHERE family_name = ?").param(family)
				.query(Integer.class).single()).isZero();
	}

	@Test
	void aZipBombIsRefusedBeforeItIsRead() throws Exception {
		String family = "Bombapage" + suffix();
		// A real list with, between its rows, more spaces than may be unpacked, and headers that say 1,000 bytes.
		byte[] bomb = TestWorkbook.lyingAboutSizes(new TestWorkbook().row(1, RegistryImport.COLUMNS.toArray())
				.row(2, "A1", "Kamran", family).bomb(importUnpackedLimit.toBytes()), importLimit.toBytes());
		assertThat(bomb.length).isLessThan((int) importLimit.toBytes());
		CurrentUser housing = users.newStaff(Set.of(Role.HOUSING_OFFICER), "SHU");

		String html = page(multipart("/registry/import").file(workbook("list.xlsx", bomb)).with(csrf()), housing,
				"en");
		assertThat(html).contains(message("registry.import.error.unpacked-too-large", "en",
				importLimit.toBytes() / (1024.0 * 1024.0), importUnpackedLimit.toBytes() / (1024.0 * 1024.0)))
				.doesNotContain("data-testid=\"report\"");
		assertThat(jdbc.sql("SELECT count(*) FROM registry.person WHERE family_name = ?").param(family)
				.query(Integer.class).single()).isZero();
	}

	/** An external entity in a sheet or in the shared strings: a parser that resolved it would read a local file. */
	@Test
	void anExternalEntityInAWorkbookIsNeverResolved() throws Exception {
		String secret = "Sirr" + suffix();
		java.nio.file.Path file = java.nio.file.Files.createTempFile("hearth-xxe", ".txt");
		file.toFile().deleteOnExit();
		java.nio.file.Files.writeString(file, secret);
		String doctype = "<!DOCTYPE root [<!ENTITY name SYSTEM \"" + file.toUri() + "\">]>";
		var workbook = new TestWorkbook().row(1, RegistryImport.COLUMNS.toArray())
				.row(2, "A1", "ENTITY", new TestWorkbook.Raw("<c r=\"REF\" t=\"inlineStr\"><is><t>ENTITY</t></is></c>"));
		CurrentUser housing = users.newStaff(Set.of(Role.HOUSING_OFFICER), "SHU");

		for (String part : List.of(TestWorkbook.LIST, "xl/sharedStrings.xml")) {
			var parts = workbook.parts();
			parts.put(part, parts.get(part).replace(TestWorkbook.HEAD, TestWorkbook.HEAD + doctype)
					.replace(">ENTITY<", ">&name;<"));
			// The payload works: a parser that resolves external entities reads the file.
			var permissive = javax.xml.stream.XMLInputFactory.newDefaultFactory();
			permissive.setProperty(javax.xml.stream.XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, true);
			var xml = permissive.createXMLStreamReader(new java.io.StringReader(parts.get(part)));
			var text = new StringBuilder();
			while (xml.hasNext()) {
				if (xml.next() == javax.xml.stream.XMLStreamConstants.CHARACTERS) {
					text.append(xml.getText());
				}
			}
			assertThat(text).as(part).contains(secret);

			String html = page(multipart("/registry/import").file(workbook("list.xlsx", TestWorkbook.zip(parts)))
					.with(csrf()), housing, "ru");
			assertThat(html).as(part).contains(message("registry.import.error.not-spreadsheet", "ru"))
					.doesNotContain(secret);
		}
		assertThat(jdbc.sql("SELECT count(*) FROM registry.person WHERE given_name = ? OR family_name = ?")
				.param(secret).param(secret).query(Integer.class).single()).isZero();
	}
}
