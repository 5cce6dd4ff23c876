package org.hearth.applications.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.hearth.applications.AccessPurpose;
import org.hearth.applications.Application;
import org.hearth.applications.ApplicationId;
import org.hearth.applications.ApplicationManagement;
import org.hearth.identity.CurrentUser;
import org.hearth.platform.StoredDocument;
import org.hearth.shared.NotFoundException;
import org.hearth.transparency.AccessLog;
import org.springframework.http.ContentDisposition;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Downloads of uploaded documents: for the applicant their own, for staff those of a case of their office that they
 * opened with a purpose. Always as an attachment, with a sandboxing policy, so that no upload runs in the browser
 * as a page of Hearth.
 */
@Controller
class DocumentController {

	private final ApplicationManagement applications;

	DocumentController(ApplicationManagement applications) {
		this.applications = applications;
	}

	@PreAuthorize("hasRole('APPLICANT')")
	@GetMapping("/applications/{id}/documents/{documentId}")
	void applicantDocument(@PathVariable UUID id, @PathVariable UUID documentId, HttpServletResponse response)
			throws IOException {
		send(applications.mine(CurrentUser.require(), new ApplicationId(id)), documentId, response);
	}

	@PreAuthorize("hasAnyRole('CASEWORKER', 'SUPERVISOR')")
	@GetMapping("/cases/{id}/documents/{documentId}")
	void caseDocument(@PathVariable UUID id, @PathVariable UUID documentId, HttpSession session,
			HttpServletResponse response) throws IOException {
		CurrentUser staff = CurrentUser.require();
		Application application = applications.caseFor(staff, new ApplicationId(id));
		AccessPurpose purpose = CaseController.requireOpened(session, id);
		applications.document(application, documentId).orElseThrow(NotFoundException::new);
		applications.recordAccess(staff, application.id(), purpose, AccessLog.Action.DOCUMENT);
		send(application, documentId, response);
	}

	private void send(Application application, UUID documentId, HttpServletResponse response) throws IOException {
		StoredDocument document = applications.document(application, documentId).orElseThrow(NotFoundException::new);
		response.setContentType(document.mediaType());
		response.setContentLengthLong(document.size());
		response.setHeader("Content-Disposition",
				ContentDisposition.attachment().filename(document.originalName(), java.nio.charset.StandardCharsets.UTF_8)
						.build().toString());
		response.setHeader("Content-Security-Policy", "sandbox; default-src 'none'");
		response.setHeader("Cache-Control", "private, no-store");
		try (InputStream in = applications.open(document)) {
			in.transferTo(response.getOutputStream());
		}
	}
}
