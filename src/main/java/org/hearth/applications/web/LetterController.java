package org.hearth.applications.web;

import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpSession;
import org.hearth.applications.Application;
import org.hearth.applications.ApplicationId;
import org.hearth.applications.ApplicationManagement;
import org.hearth.applications.Letters;
import org.hearth.identity.CurrentUser;
import org.hearth.transparency.AccessLog;
import org.hearth.transparency.Receipts;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The decision letter as PDF, in the language the page is shown in. */
@Controller
class LetterController {

	private final ApplicationManagement applications;
	private final Letters letters;
	private final Receipts receipts;

	LetterController(ApplicationManagement applications, Letters letters, Receipts receipts) {
		this.applications = applications;
		this.letters = letters;
		this.receipts = receipts;
	}

	/** The submission's receipt as PDF, once a checkpoint has sealed it. */
	@PreAuthorize("hasRole('APPLICANT')")
	@GetMapping("/applications/{id}/receipt.pdf")
	ResponseEntity<byte[]> receipt(@PathVariable UUID id, Locale locale) {
		Application application = applications.mine(CurrentUser.require(), new ApplicationId(id));
		Receipts.Receipt receipt = receipts.first("application", id, java.time.Duration.ZERO)
				.filter(Receipts.Receipt::sealed).orElseThrow(org.hearth.shared.NotFoundException::new);
		byte[] pdf = letters.receipt(application, receipt, locale);
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
				.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
						.filename("receipt-" + application.reference() + ".pdf").build().toString())
				.header(HttpHeaders.CACHE_CONTROL, "private, no-store").body(pdf);
	}

	@PreAuthorize("hasRole('APPLICANT')")
	@GetMapping("/applications/{id}/letter")
	ResponseEntity<byte[]> applicantLetter(@PathVariable UUID id, Locale locale) {
		return pdf(applications.mine(CurrentUser.require(), new ApplicationId(id)), locale);
	}

	@PreAuthorize("hasAnyRole('CASEWORKER', 'SUPERVISOR')")
	@GetMapping("/cases/{id}/letter")
	ResponseEntity<byte[]> caseLetter(@PathVariable UUID id, HttpSession session, Locale locale) {
		CurrentUser staff = CurrentUser.require();
		Application application = applications.caseFor(staff, new ApplicationId(id));
		applications.recordAccess(staff, application.id(), CaseController.requireOpened(session, id),
				AccessLog.Action.LETTER);
		return pdf(application, locale);
	}

	private ResponseEntity<byte[]> pdf(Application application, Locale locale) {
		byte[] letter = letters.decisionLetter(application, locale);
		String name = "decision-" + application.reference() + "-" + locale.getLanguage() + ".pdf";
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
				.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
				.header(HttpHeaders.CACHE_CONTROL, "private, no-store").body(letter);
	}
}
