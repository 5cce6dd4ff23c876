package org.hearth.applications;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.hearth.identity.Offices;
import org.hearth.platform.Dates;
import org.hearth.platform.PdfRenderer;
import org.hearth.services.ServiceDefinition;
import org.hearth.shared.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The decision letter as PDF, in the language asked for. It is rendered from the recorded decision, which never
 * changes, so every download says the same; its verification code leads anyone to /verify.
 */
@Service
public class Letters {

	private final PdfRenderer pdf;
	private final ApplicationManagement applications;
	private final Offices offices;
	private final Dates dates;
	private final String baseUrl;

	Letters(PdfRenderer pdf, ApplicationManagement applications, Offices offices, Dates dates,
			@Value("${hearth.base-url}") String baseUrl) {
		this.pdf = pdf;
		this.applications = applications;
		this.offices = offices;
		this.dates = dates;
		this.baseUrl = baseUrl.replaceAll("/+$", "");
	}

	public byte[] decisionLetter(Application application, Locale locale) {
		Decision decision = application.latestDecision().orElseThrow(NotFoundException::new);
		ServiceDefinition definition = applications.definitionOf(application);
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("service", definition.title().in(locale));
		model.put("office", decision.office() == null ? "" : offices.name(decision.office()).in(locale));
		model.put("date", dates.date(decision.decidedAt(), locale));
		model.put("reference", application.reference());
		model.put("name", name(application));
		model.put("approved", decision.outcome() == Outcome.APPROVE);
		model.put("appeal", decision.round() == 2);
		model.put("reasons", decision.reasons().stream().map(code -> definition.workflow().reasonTitle(code, locale))
				.toList());
		model.put("explanation", decision.explanation());
		model.put("permitNumber", decision.permitNumber());
		model.put("validFrom", dates.date(decision.permitValidFrom(), locale));
		model.put("validUntil", dates.date(decision.permitValidUntil(), locale));
		model.put("appealDeadline", dates.date(decision.appealDeadline(), locale));
		model.put("code", decision.verificationCode());
		model.put("verifyUrl", baseUrl + "/verify?code=" + decision.verificationCode());
		model.put("verifyPage", baseUrl + "/verify");
		return pdf.render("applications/letter", locale, model);
	}

	/** The receipt of a submission: the entry in the transparency log and the checkpoint that seals it. */
	public byte[] receipt(Application application, org.hearth.transparency.Receipts.Receipt receipt, Locale locale) {
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("service", applications.definitionOf(application).title().in(locale));
		model.put("reference", application.reference());
		model.put("submitted", dates.dateTime(application.submittedAt(), locale));
		model.put("receipt", receipt);
		model.put("checkPage", baseUrl + "/transparency/check");
		return pdf.render("applications/receipt", locale, model);
	}

	/** The name as written, and its Latin spelling when that differs. */
	private static List<String> name(Application application) {
		if (application.answers().get("name") instanceof Map<?, ?> name) {
			Object written = name.get("written");
			Object latin = name.get("latin");
			return written != null && latin != null && !written.equals(latin)
					? List.of(written.toString(), latin.toString()) : List.of(String.valueOf(written));
		}
		return List.of();
	}
}
