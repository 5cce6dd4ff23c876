package org.hearth.housing;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.hearth.HearthTest;
import org.hearth.applications.AccessPurpose;
import org.hearth.applications.Application;
import org.hearth.applications.ApplicationManagement;
import org.hearth.applications.ApplicationStatusChanged;
import org.hearth.applications.Assessment;
import org.hearth.applications.Assessment.Criterion;
import org.hearth.applications.Outcome;
import org.hearth.applications.Status;
import org.hearth.identity.CurrentUser;
import org.hearth.identity.OfficeId;
import org.hearth.identity.Role;
import org.hearth.identity.TestUsers;
import org.hearth.identity.WebSession;
import org.hearth.registry.Registry;
import org.hearth.registry.Registry.NewHousehold;
import org.hearth.registry.Registry.NewPerson;
import org.hearth.services.Question;
import org.hearth.services.QuestionType;
import org.hearth.services.ServiceCatalogue;
import org.hearth.services.ServiceDefinition;
import org.hearth.shared.Languages;
import org.hearth.shared.RuleViolationException;
import org.hearth.transparency.AccessLog;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Registration for the Great Return on the real database: the definition, the written eligibility rule with its
 * reasons, the ancestor a caseworker links, and admission to the programme on a four-eyes approval.
 */
@HearthTest
class GreatReturnRegistrationTest {

	@Autowired
	ApplicationManagement applications;

	@Autowired
	ServiceCatalogue catalogue;

	@Autowired
	Registry registry;

	@Autowired
	Programme programme;

	@Autowired
	AncestorLinks ancestors;

	@Autowired
	GreatReturnAdmission admission;

	@Autowired
	HousingProperties policy;

	@Autowired
	AccessLog accessLog;

	@Autowired
	TestUsers users;

	@Autowired
	MockMvc mvc;

	@Autowired
	MessageSource messages;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void theDefinitionLoadsAsTheRuleAndTheProgrammeExpectIt() {
		ServiceDefinition definition = catalogue.current("great-return").orElseThrow();
		assertThat(definition.questions().filter(q -> q.type() == QuestionType.SETTLEMENT).findFirst())
				.get().extracting(Question::id).isEqualTo("origin");
		assertThat(definition.question("needs").orElseThrow().options()).extracting(Question.ChoiceOption::value)
				.containsExactlyElementsOf(HousingProperties.NEEDS);
		assertThat(definition.question("displacedYear").orElseThrow().max())
				.isGreaterThanOrEqualTo(applications.today().getYear());
		assertThat(definition.workflow().approveReasons()).extracting(r -> r.code())
				.contains("eligible-displaced", "eligible-descendant", "documents-verified");
		assertThat(definition.workflow().refuseReasons()).extracting(r -> r.code()).contains("not-eligible",
				"ancestor-not-found", "identity-not-established", "duplicate-registration", "information-not-provided");
	}

	@Test
	void displacedIn1990IsEligibleWithEveryReasonMet() {
		Application application = GreatReturnDrafts.submit(applications, users.newApplicant("en"),
				GreatReturnDrafts.displaced("1990"));
		assertThat(application.reference()).startsWith("GRE-");
		assertThat(application.office()).isEqualTo(new OfficeId("KHA"));

		Assessment assessment = applications.eligibility(application).orElseThrow();
		assertThat(assessment.eligible()).isTrue();
		assertThat(assessment.criteria()).extracting(Criterion::messageKey).containsExactly(
				"great-return.criterion.displaced", "great-return.criterion.adult",
				"great-return.criterion.first-admission");
		assertThat(assessment.criteria()).allMatch(Criterion::met);
		assertThat(assessment.criteria().get(0).arguments()).containsExactly("1990");
	}

	@Test
	void displacedIn2001IsNotEligibleAndApprovalCannotBeRecommended() throws Exception {
		CurrentUser applicant = users.newApplicant("hy");
		Application application = GreatReturnDrafts.submit(applications, applicant,
				GreatReturnDrafts.displaced("2001"));

		Assessment assessment = applications.eligibility(application).orElseThrow();
		assertThat(assessment.eligible()).isFalse();
		Criterion displacement = assessment.criteria().get(0);
		assertThat(displacement.messageKey()).isEqualTo("great-return.criterion.displaced-outside");
		assertThat(displacement.met()).isFalse();
		assertThat(displacement.arguments()).containsExactly("2001");

		// The applicant reads the reason, in their language, on their registration.
		String page = mvc.perform(get("/applications/" + application.id()).with(WebSession.signedIn(applicant))
				.header("Accept-Language", "hy")).andReturn().getResponse().getContentAsString();
		assertThat(page).contains(html(messages.getMessage(displacement.messageKey(),
				displacement.argumentArray(), Locale.forLanguageTag("hy")))).contains("2001");

		CurrentUser caseworker = users.newStaff(Set.of(Role.CASEWORKER), "KHA");
		applications.assign(caseworker, application.id());
		assertThatThrownBy(() -> applications.recommend(caseworker, application.id(), Outcome.APPROVE,
				List.of("eligible-displaced"), "")).isInstanceOf(RuleViolationException.class)
				.extracting("messageKey").isEqualTo("applications.error.not-eligible");
		for (Locale language : Languages.SUPPORTED) {
			assertThat(messages.getMessage("applications.error.not-eligible", null, language)).isNotBlank();
		}
		assertThat(applications.caseFor(caseworker, application.id()).status()).isEqualTo(Status.IN_REVIEW);

		// Refusing stays possible, as always.
		applications.recommend(caseworker, application.id(), Outcome.REFUSE, List.of("not-eligible"),
				"Displaced in 2001, after the programme's years.");
		assertThat(applications.caseFor(caseworker, application.id()).status()).isEqualTo(Status.AWAITING_DECISION);
	}

	@Test
	void aDescendantIsEligibleOnlyOnceTheAncestorsRecordIsLinked() throws Exception {
		String family = "Sargsyan" + suffix();
		UUID household = registry.register(new NewHousehold("xankendi", null, "test",
				List.of(new NewPerson("Ashot", family, null, java.time.LocalDate.of(1931, 4, 2), "Xankendi", 1991))));
		UUID ancestor = registry.household(household).get(0).id();
		UUID namesake = registry.household(registry.register(new NewHousehold(null, null, "test",
				List.of(new NewPerson("Ashot", family, null, null, null, null))))).get(0).id();

		CurrentUser applicant = users.newApplicant("ru");
		Application application = GreatReturnDrafts.submit(applications, applicant,
				GreatReturnDrafts.descendant("Ashot " + family));
		Criterion before = applications.eligibility(application).orElseThrow().criteria().get(0);
		assertThat(before.messageKey()).isEqualTo("great-return.criterion.ancestor-not-linked");
		assertThat(before.met()).isFalse();
		assertThat(before.staffAction()).isNotNull();
		assertThat(before.staffAction().path()).isEqualTo("/cases/" + application.id() + "/ancestor");

		// The case page links to the ancestor page; that page starts with the name the applicant gave.
		CurrentUser caseworker = users.newStaff(Set.of(Role.CASEWORKER), "KHA");
		var session = new WebSession(mvc);
		session.signIn(users.email(caseworker), TestUsers.PASSWORD);
		session.post("/cases/" + application.id() + "/open", session.csrfFrom("/cases/" + application.id()),
				"purpose", "REVIEW");
		assertThat(session.get("/cases/" + application.id()).getResponse().getContentAsString())
				.contains("href=\"/cases/" + application.id() + "/ancestor\"");
		String ancestorPage = session.get("/cases/" + application.id() + "/ancestor").getResponse()
				.getContentAsString();
		assertThat(ancestorPage).contains("value=\"Ashot " + family + "\"").doesNotContain(ancestor.toString());

		// Searching finds both namesakes and records the access; a record without a displacement year does not do.
		String results = session.perform(get("/cases/" + application.id() + "/ancestor").param("q", "Ashot " + family)).getResponse()
				.getContentAsString();
		assertThat(results).contains(ancestor.toString()).contains(namesake.toString()).contains("1991");
		assertThat(accessLog.of("person", ancestor)).extracting(AccessLog.Access::purpose).contains("REVIEW");
		session.post("/cases/" + application.id() + "/ancestor", WebSession.csrfToken(results), "person",
				namesake.toString());
		Criterion wrong = applications.eligibility(application).orElseThrow().criteria().get(0);
		assertThat(wrong.messageKey()).isEqualTo("great-return.criterion.ancestor-not-displaced");
		assertThat(wrong.met()).isFalse();

		var linked = session.post("/cases/" + application.id() + "/ancestor", WebSession.csrfToken(results),
				"person", ancestor.toString());
		assertThat(linked.getResponse().getRedirectedUrl()).isEqualTo("/cases/" + application.id() + "/ancestor");
		Assessment after = applications.eligibility(application).orElseThrow();
		assertThat(after.eligible()).isTrue();
		assertThat(after.criteria().get(0).messageKey()).isEqualTo("great-return.criterion.ancestor-displaced");
		assertThat(after.criteria().get(0).arguments()).containsExactly("1991");

		// Unlinking takes it back.
		ancestors.unlink(caseworker, application.id());
		assertThat(applications.eligibility(application).orElseThrow().eligible()).isFalse();
		ancestors.link(caseworker, application.id(), ancestor);

		// Once a recommendation waits for the supervisor, the link stays as it was.
		applications.assign(caseworker, application.id());
		applications.recommend(caseworker, application.id(), Outcome.APPROVE, List.of("eligible-descendant"), "");
		assertThatThrownBy(() -> ancestors.unlink(caseworker, application.id()))
				.isInstanceOf(RuleViolationException.class).extracting("messageKey")
				.isEqualTo("great-return.error.link-closed");
	}

	@Test
	void anotherOfficeCannotReachTheAncestorPage() throws Exception {
		Application application = GreatReturnDrafts.submit(applications, users.newApplicant("az"),
				GreatReturnDrafts.descendant("Ashot Sargsyan"));
		CurrentUser shusha = users.newStaff(Set.of(Role.CASEWORKER, Role.SUPERVISOR), "SHU");
		CurrentUser khankendi = users.newStaff(Set.of(Role.CASEWORKER), "KHA");
		String path = "/cases/" + application.id() + "/ancestor";

		assertThat(mvc.perform(get(path).with(WebSession.signedIn(shusha))).andReturn().getResponse().getStatus())
				.isEqualTo(404);
		assertThat(mvc.perform(post(path).param("person", UUID.randomUUID().toString())
				.with(WebSession.signedIn(shusha)).with(csrf())).andReturn().getResponse().getStatus()).isEqualTo(404);
		assertThat(mvc.perform(get(path).with(WebSession.signedIn(khankendi))).andReturn().getResponse().getStatus())
				.isEqualTo(200);
		// A displaced head's registration has no ancestor page at all.
		Application displaced = GreatReturnDrafts.submit(applications, users.newApplicant("az"),
				GreatReturnDrafts.displaced("1992"));
		assertThat(mvc.perform(get("/cases/" + displaced.id() + "/ancestor").with(WebSession.signedIn(khankendi)))
				.andReturn().getResponse().getStatus()).isEqualTo(404);
		// And an applicant never reaches it.
		assertThat(mvc.perform(get(path).with(WebSession.signedIn(users.newApplicant("en")))).andReturn()
				.getResponse().getStatus()).isIn(403, 404);
	}

	@Test
	void approvalByFourEyesAdmitsTheHouseholdOnce() {
		CurrentUser applicant = users.newApplicant("en");
		Map<String, Object> answers = GreatReturnDrafts.displaced("1990");
		answers.put("hasHousehold", "yes");
		answers.put("household", List.of(
				Map.of("name", Map.of("written", "Անի Պետրոսյան", "latin", "Ani Petrosyan"), "birthDate", "1972-06-01",
						"relationship", "spouse"),
				Map.of("name", Map.of("written", "Арам Петросян", "latin", "Aram Petrosyan"), "birthDate",
						"2001-09-30", "relationship", "child")));
		answers.put("needs", List.of("elderly", "disability"));
		answers.put("stepFree", "yes");
		answers.put("alternative1", "susa");
		answers.put("alternative2", "xankendi");
		answers.put("alternative3", "susa");
		answers.put("rooms", "3");
		Application application = GreatReturnDrafts.submit(applications, applicant, answers);

		CurrentUser caseworker = users.newStaff(Set.of(Role.CASEWORKER), "KHA");
		CurrentUser supervisor = users.newStaff(Set.of(Role.SUPERVISOR), "KHA");
		applications.open(caseworker, application.id(), AccessPurpose.REVIEW);
		applications.assign(caseworker, application.id());
		applications.recommend(caseworker, application.id(), Outcome.APPROVE,
				List.of("eligible-displaced", "documents-verified"), "");
		assertThat(programme.byApplication(application.id().id())).isEmpty();
		long version = applications.caseFor(supervisor, application.id()).version();
		Application approved = applications.confirm(supervisor, application.id(), version);
		assertThat(approved.status()).isEqualTo(Status.APPROVED);

		Programme.Household household = programme.byApplication(application.id().id()).orElseThrow();
		assertThat(household.account()).isEqualTo(applicant.id());
		assertThat(household.size()).isEqualTo(3);
		assertThat(household.needs()).containsExactly("disability", "elderly");
		assertThat(household.needsStepFree()).isTrue();
		assertThat(household.preferences()).containsExactly("xankendi", "susa");
		assertThat(household.preferredRooms()).isEqualTo(3);
		assertThat(household.registeredOn()).isEqualTo(applications.today());
		assertThat(household.status()).isEqualTo(HouseholdStatus.WAITING);

		List<Registry.Person> persons = registry.household(household.registryHousehold());
		assertThat(persons).hasSize(3);
		assertThat(persons.get(0)).satisfies(head -> {
			assertThat(head.head()).isTrue();
			assertThat(head.givenName()).isEqualTo("Արմեն");
			assertThat(head.familyName()).isEqualTo("Պետրոսյան");
			assertThat(head.birthDate()).isEqualTo(java.time.LocalDate.of(1970, 3, 15));
			assertThat(head.birthPlace()).isEqualTo("Ստեփանակերտ");
			assertThat(head.displacedYear()).isEqualTo(1990);
		});
		assertThat(persons).extracting(Registry.Person::familyName).contains("Петросян");
		assertThat(jdbc.sql("SELECT origin FROM registry.household WHERE id = ?").param(household.registryHousehold())
				.query(String.class).single()).isEqualTo("xankendi");
		assertThat(registryHouseholds(approved.reference())).isEqualTo(1);

		// The same approval heard again admits nobody twice.
		transactions.executeWithoutResult(status -> admission.on(new ApplicationStatusChanged(application.id(),
				applicant.id(), "great-return", Status.AWAITING_DECISION, Status.APPROVED, "decided", Role.SUPERVISOR,
				new OfficeId("KHA"), 1, approved.updatedAt(), "")));
		assertThat(registryHouseholds(approved.reference())).isEqualTo(1);
		assertThat(programme.of(applicant.id())).hasSize(1);

		// A second registration of the same account is not eligible: the household is in the programme already.
		Application again = GreatReturnDrafts.submit(applications, applicant, GreatReturnDrafts.displaced("1990"));
		Criterion once = applications.eligibility(again).orElseThrow().criteria().get(2);
		assertThat(once.messageKey()).isEqualTo("great-return.criterion.already-admitted");
		assertThat(once.met()).isFalse();
	}

	@Test
	void aHeadUnder18IsNotEligible() {
		Map<String, Object> answers = GreatReturnDrafts.displaced("1993");
		answers.put("birthDate", applications.today().minusYears(18).plusDays(1).toString());
		Application application = GreatReturnDrafts.submit(applications, users.newApplicant("en"), answers);
		Criterion age = applications.eligibility(application).orElseThrow().criteria().get(1);
		assertThat(age.messageKey()).isEqualTo("great-return.criterion.minor");
		assertThat(age.met()).isFalse();
	}

	@Test
	void theRulesArePublicInArmenianWithTheConfiguredNumbers() throws Exception {
		String page = mvc.perform(get("/great-return/rules").param("lang", "hy")).andReturn().getResponse()
				.getContentAsString();
		Locale armenian = Locale.forLanguageTag("hy");
		assertThat(page).contains("lang=\"hy\"")
				.contains(html(messages.getMessage("great-return.rules.title", null, armenian)))
				.contains(html(messages.getMessage("great-return.rules.offer.text",
						new Object[] { policy.offerDays() }, armenian)))
				.contains(html(messages.getMessage("great-return.rules.priority.waiting",
						new Object[] { policy.pointsPerYearWaiting(), policy.maxYearsWaiting(),
								policy.pointsPerYearWaiting() * policy.maxYearsWaiting() }, armenian)))
				.contains(html(messages.getMessage("housing.need.disability", null, armenian)))
				.contains(">" + policy.needPoints("disability") + "<");
		assertThat(page).containsPattern("\\b" + policy.offerDays() + "\\b");
	}

	/** Text as Thymeleaf writes it into the page. */
	private static String html(String text) {
		return HtmlUtils.htmlEscape(text, "UTF-8");
	}

	private int registryHouseholds(String reference) {
		return jdbc.sql("SELECT count(*) FROM registry.household WHERE source = ?").param("registration:" + reference)
				.query(Integer.class).single();
	}

	private static String suffix() {
		String letters = "bdflmnprt";
		var random = new Random();
		var out = new StringBuilder();
		for (int i = 0; i < 6; i++) {
			out.append(letters.charAt(random.nextInt(letters.length())));
		}
		return out.toString();
	}
}
