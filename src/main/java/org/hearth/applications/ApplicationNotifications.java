package org.hearth.applications;

import java.util.Map;

import org.hearth.identity.Accounts;
import org.hearth.platform.Mailer;
import org.hearth.transparency.Receipts;
import org.hearth.transparency.TransparencyProperties;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells the applicant by e-mail, in their language, when something happens they need to know or act on. Runs
 * after the change committed, from the event publication registry: if the mail server is down, the e-mail is sent
 * when it is back, not lost.
 */
@Component
class ApplicationNotifications {

	private final Accounts accounts;
	private final Mailer mailer;
	private final ApplicationRepository applications;
	private final Receipts receipts;
	private final java.time.Duration receiptPatience;

	ApplicationNotifications(Accounts accounts, Mailer mailer, ApplicationRepository applications, Receipts receipts,
			TransparencyProperties transparency) {
		this.accounts = accounts;
		this.mailer = mailer;
		this.applications = applications;
		this.receipts = receipts;
		// The next checkpoint seals the submission's entry: the receipt in the e-mail waits for it.
		this.receiptPatience = transparency.checkpointInterval().plusSeconds(5);
	}

	@ApplicationModuleListener
	void on(ApplicationStatusChanged event) {
		String template = switch (event.to()) {
			case SUBMITTED -> "application-submitted";
			case AWAITING_APPLICANT -> "information-requested";
			case APPROVED, REFUSED -> "decision-made";
			case APPEALED -> "appeal-received";
			default -> null;
		};
		if (template == null) {
			return;
		}
		String reference = applications.reference(event.application()).orElse("");
		Map<String, Object> model = new java.util.HashMap<>(Map.of("reference", reference, "applicationId",
				event.application().toString()));
		if (event.to() == Status.SUBMITTED) {
			receipts.first("application", event.application().id(), receiptPatience)
					.ifPresent(receipt -> model.put("receipt", receipt));
		}
		accounts.contact(event.applicant()).ifPresent(
				contact -> mailer.send(contact.email(), contact.language(), template, model));
	}
}
