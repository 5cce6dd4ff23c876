package org.hearth.applications;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hearth.identity.CurrentUser;
import org.hearth.services.Answers;

/** A complete, valid residency application, for tests that need one. */
public final class Residency {

	public static final String WRITTEN_NAME = "Արմեն Պետրոսյան";
	public static final String LATIN_NAME = "Armen Petrosyan";

	static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

	private Residency() {
	}

	static Map<String, Object> answers(String settlement) {
		Map<String, Object> answers = new LinkedHashMap<>();
		answers.put("name", Map.of("written", WRITTEN_NAME, "latin", LATIN_NAME));
		answers.put("birthDate", "1980-05-01");
		answers.put("birthCountry", "AZ");
		answers.put("birthPlace", "Ստեփանակերտ");
		answers.put("currentCountry", "AM");
		answers.put("currentAddress", "Yerevan, Abovyan 1");
		answers.put("previousSettlement", settlement);
		answers.put("hasHousehold", "no");
		answers.put("phone", "+374 10 123456");
		answers.put("identityDocumentType", "passport");
		answers.put("consent", List.of("true-and-complete"));
		return answers;
	}

	/** A draft with every answer and an identity document, ready to submit. */
	public static Application draft(ApplicationManagement applications, CurrentUser applicant, String settlement) {
		Application draft = applications.start(applicant, "residency", null);
		Answers answers = Answers.of(answers(settlement));
		answers.addFile("identityDocument", applications.storeUpload(draft, "identityDocument",
				new ByteArrayInputStream(PDF), PDF.length, "passport.pdf"));
		return applications.saveAnswers(applicant, draft.id(), answers);
	}
}
