package org.hearth.housing;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.hearth.applications.Application;
import org.hearth.applications.ApplicationManagement;
import org.hearth.applications.ApplicationManagement.Submission;
import org.hearth.identity.CurrentUser;
import org.hearth.services.Answers;

import static org.assertj.core.api.Assertions.assertThat;

/** Complete, valid Great Return registrations, for tests that need one. */
final class GreatReturnDrafts {

	static final String WRITTEN_NAME = "Արմեն Պետրոսյան";

	private static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
			.getBytes(StandardCharsets.US_ASCII);

	private GreatReturnDrafts() {
	}

	/** A head of household alone, displaced from Khankendi in {@code year}. */
	static Map<String, Object> displaced(String year) {
		Map<String, Object> answers = common();
		answers.put("displacementBasis", "displaced");
		answers.put("displacedYear", year);
		return answers;
	}

	/** A grandchild of {@code ancestor}, written in Latin letters, whose displacement year they do not know. */
	static Map<String, Object> descendant(String ancestor) {
		Map<String, Object> answers = common();
		answers.put("displacementBasis", "descendant");
		answers.put("ancestorName", Map.of("written", ancestor, "latin", ancestor));
		answers.put("ancestorRelationship", "grandparent");
		return answers;
	}

	private static Map<String, Object> common() {
		Map<String, Object> answers = new LinkedHashMap<>();
		answers.put("name", Map.of("written", WRITTEN_NAME, "latin", "Armen Petrosyan"));
		answers.put("birthDate", "1970-03-15");
		answers.put("birthPlace", "Ստեփանակերտ");
		answers.put("origin", "xankendi");
		answers.put("currentCountry", "AM");
		answers.put("currentAddress", "Yerevan, Abovyan 1");
		answers.put("hasHousehold", "no");
		answers.put("stepFree", "no");
		answers.put("phone", "+374 10 123456");
		answers.put("consent", List.of("true-and-complete"));
		return answers;
	}

	/** Starts, fills in with an identity document and submits; fails the test if the form finds anything wrong. */
	static Application submit(ApplicationManagement applications, CurrentUser applicant, Map<String, Object> given) {
		Application draft = applications.start(applicant, "great-return", null);
		Answers answers = Answers.of(given);
		answers.addFile("identityDocument", applications.storeUpload(draft, "identityDocument",
				new ByteArrayInputStream(PDF), PDF.length, "passport.pdf"));
		applications.saveAnswers(applicant, draft.id(), answers);
		Submission submission = applications.submit(applicant, draft.id(), Locale.ENGLISH, null);
		assertThat(submission).as(submission instanceof Submission.Invalid invalid ? invalid.errors().toString() : "")
				.isInstanceOf(Submission.Submitted.class);
		return submission.application();
	}
}
