package org.hearth.applications;

import java.util.Map;

import org.hearth.identity.Accounts;
import org.hearth.platform.Mailer;
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

	ApplicationNotifications(Accounts accounts, Mailer mailer, ApplicationRepository applications) {
		this.accounts = accounts;
		this.mailer = mailer;
		this.applications = applications;
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
		accounts.contact(event.applicant()).ifPresent(contact -> mailer.send(contact.email(), contact.language(),
				template, Map.of("reference", reference, "applicationId", event.application().toString())));
	}
}
