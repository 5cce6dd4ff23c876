package org.hearth.applications.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpSession;
import org.hearth.applications.AccessPurpose;
import org.hearth.applications.Application;
import org.hearth.applications.ApplicationId;
import org.hearth.applications.ApplicationManagement;
import org.hearth.applications.ApplicationManagement.QueueFilter;
import org.hearth.applications.Outcome;
import org.hearth.applications.Status;
import org.hearth.gazetteer.Gazetteer;
import org.hearth.identity.CurrentUser;
import org.hearth.identity.Role;
import org.hearth.services.AnswerSummary;
import org.hearth.services.Answers;
import org.hearth.services.ServiceDefinition;
import org.hearth.shared.Languages;
import org.hearth.shared.UserFacingException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The office's work: the queue, and a case opened for a stated purpose. Opening is recorded and shown to the
 * applicant; the purpose holds for this session only, and a case not opened shows nothing but the question why.
 */
@Controller
@PreAuthorize("hasAnyRole('CASEWORKER', 'SUPERVISOR')")
class CaseController {

	static final String OPENED = "hearth.opened-cases";

	private final ApplicationManagement applications;
	private final AnswerSummary summary;
	private final Gazetteer gazetteer;

	CaseController(ApplicationManagement applications, AnswerSummary summary, Gazetteer gazetteer) {
		this.applications = applications;
		this.summary = summary;
		this.gazetteer = gazetteer;
	}

	@GetMapping("/cases")
	String queue(@RequestParam(required = false) String status, @RequestParam(required = false) String language,
			@RequestParam(required = false) String settlement, @RequestParam(defaultValue = "false") boolean mine,
			@RequestParam(defaultValue = "0") int page, Locale locale, Model model) {
		CurrentUser staff = CurrentUser.require();
		Status chosen = parse(status);
		String lang = language != null && Languages.CODES.contains(language) ? language : null;
		String place = settlement != null && gazetteer.find(settlement).isPresent() ? settlement : null;
		var queue = applications.queue(staff, new QueueFilter(chosen, lang, place, mine, Math.max(0, page)));
		model.addAttribute("queue", queue);
		Map<String, String> names = new HashMap<>();
		queue.entries().stream().map(e -> e.settlement()).filter(java.util.Objects::nonNull).distinct()
				.forEach(s -> names.put(s, gazetteer.find(s).map(found -> found.name(locale)).orElse(s)));
		model.addAttribute("settlementNames", names);
		model.addAttribute("statuses", List.of(Status.SUBMITTED, Status.IN_REVIEW, Status.AWAITING_APPLICANT,
				Status.AWAITING_DECISION, Status.APPEALED, Status.APPROVED, Status.REFUSED));
		model.addAttribute("status", chosen == null ? "" : chosen.name());
		model.addAttribute("language", lang == null ? "" : lang);
		model.addAttribute("settlement", place == null ? "" : place);
		model.addAttribute("mine", mine);
		model.addAttribute("settlements", applications.queueSettlements(staff).stream()
				.map(s -> new SettlementOption(s, gazetteer.find(s).map(found -> gazetteer.label(found.id(), locale))
						.orElse(s)))
				.sorted(java.util.Comparator.comparing(SettlementOption::label)).toList());
		model.addAttribute("languages", Languages.CODES);
		return "applications/queue";
	}

	/** Finding a case by the reference an applicant quotes; the search and its purpose are recorded. */
	@GetMapping("/cases/find")
	String find(@RequestParam(defaultValue = "") String reference, @RequestParam(required = false) String purpose,
			Model model) {
		model.addAttribute("purposes", AccessPurpose.values());
		model.addAttribute("reference", reference);
		model.addAttribute("purpose", purpose == null ? "" : purpose);
		if (reference.isBlank()) {
			return "applications/find";
		}
		AccessPurpose chosen;
		try {
			chosen = AccessPurpose.valueOf(purpose == null ? "" : purpose);
		}
		catch (IllegalArgumentException missing) {
			model.addAttribute("error", "applications.find.purpose-needed");
			return "applications/find";
		}
		applications.findByReference(CurrentUser.require(), reference, chosen).ifPresentOrElse(
				found -> model.addAttribute("found", found),
				() -> model.addAttribute("error", "applications.find.not-found"));
		return "applications/find";
	}

	@GetMapping("/cases/{id}")
	String caseView(@PathVariable UUID id, HttpSession session, Locale locale, Model model) {
		CurrentUser staff = CurrentUser.require();
		Application application = applications.caseFor(staff, new ApplicationId(id));
		String purpose = opened(session).get(id.toString());
		model.addAttribute("app", application);
		if (purpose == null) {
			model.addAttribute("purposes", AccessPurpose.values());
			return "applications/open-case";
		}
		ServiceDefinition definition = applications.definitionOf(application);
		model.addAttribute("purpose", purpose);
		model.addAttribute("definition", definition);
		model.addAttribute("sections", summary.summarize(definition, Answers.of(application.answers()), locale));
		model.addAttribute("history", applications.history(application.id()));
		model.addAttribute("isCaseworker", staff.has(Role.CASEWORKER));
		model.addAttribute("isSupervisor", staff.has(Role.SUPERVISOR));
		model.addAttribute("assignedToMe", staff.id().equals(application.assignee()));
		model.addAttribute("recommendedByMe", application.pendingRecommendation()
				.map(r -> r.recommendedBy().equals(staff.id())).orElse(false));
		model.addAttribute("excluded", application.isExcluded(staff.id()));
		model.addAttribute("eligibility", applications.eligibility(application).orElse(null));
		return "applications/case";
	}

	@PostMapping("/cases/{id}/open")
	String open(@PathVariable UUID id, @RequestParam(required = false) String purpose, HttpSession session,
			RedirectAttributes redirect) {
		AccessPurpose chosen;
		try {
			chosen = AccessPurpose.valueOf(purpose == null ? "" : purpose);
		}
		catch (IllegalArgumentException missing) {
			redirect.addFlashAttribute("error", "applications.case.error.purpose");
			return "redirect:/cases/" + id;
		}
		applications.open(CurrentUser.require(), new ApplicationId(id), chosen);
		Map<String, String> opened = new HashMap<>(opened(session));
		opened.put(id.toString(), chosen.name());
		session.setAttribute(OPENED, opened);
		return "redirect:/cases/" + id;
	}

	@PostMapping("/cases/{id}/assign")
	String assign(@PathVariable UUID id, RedirectAttributes redirect) {
		return act(id, redirect, "applications.notice.assigned",
				() -> applications.assign(CurrentUser.require(), new ApplicationId(id)));
	}

	@PostMapping("/cases/{id}/information")
	String requestInformation(@PathVariable UUID id, @RequestParam(defaultValue = "") String message,
			RedirectAttributes redirect) {
		redirect.addFlashAttribute("message", message);
		return act(id, redirect, "applications.notice.information-requested",
				() -> applications.requestInformation(CurrentUser.require(), new ApplicationId(id), message));
	}

	@PostMapping("/cases/{id}/recommendation")
	String recommend(@PathVariable UUID id, @RequestParam(required = false) String outcome,
			@RequestParam(name = "reasons", required = false) List<String> reasons,
			@RequestParam(defaultValue = "") String explanation, RedirectAttributes redirect) {
		redirect.addFlashAttribute("outcome", outcome);
		redirect.addFlashAttribute("reasons", reasons == null ? List.of() : reasons);
		redirect.addFlashAttribute("explanation", explanation);
		Outcome chosen = "APPROVE".equals(outcome) ? Outcome.APPROVE : "REFUSE".equals(outcome) ? Outcome.REFUSE : null;
		if (chosen == null) {
			redirect.addFlashAttribute("error", "applications.case.error.outcome");
			return "redirect:/cases/" + id + "#recommend";
		}
		return act(id, redirect, "applications.notice.recommended", () -> applications.recommend(
				CurrentUser.require(), new ApplicationId(id), chosen, reasons == null ? new ArrayList<>() : reasons,
				explanation));
	}

	@PostMapping("/cases/{id}/decision")
	String decide(@PathVariable UUID id, @RequestParam(defaultValue = "") String verdict,
			@RequestParam(defaultValue = "") String comment, @RequestParam long version,
			RedirectAttributes redirect) {
		redirect.addFlashAttribute("comment", comment);
		if ("return".equals(verdict)) {
			return act(id, redirect, "applications.notice.returned", () -> applications
					.returnRecommendation(CurrentUser.require(), new ApplicationId(id), version, comment));
		}
		return act(id, redirect, "applications.notice.decided",
				() -> applications.confirm(CurrentUser.require(), new ApplicationId(id), version));
	}

	/** Runs a change; a refusal by the workflow comes back to the case page as a message, with the input kept. */
	private String act(UUID id, RedirectAttributes redirect, String notice, Runnable change) {
		try {
			change.run();
			redirect.addFlashAttribute("notice", notice);
		}
		catch (UserFacingException refused) {
			if (refused.status() == 404) {
				throw refused;
			}
			redirect.addFlashAttribute("error", refused.messageKey());
			redirect.addFlashAttribute("errorArgs", refused.arguments());
		}
		return "redirect:/cases/" + id;
	}

	/**
	 * Documents and letters of a case are for those who opened it with a purpose in this session.
	 *
	 * @return that purpose, under which the access is recorded
	 */
	static AccessPurpose requireOpened(HttpSession session, UUID id) {
		String purpose = opened(session).get(id.toString());
		if (purpose == null) {
			throw new org.hearth.shared.NotFoundException();
		}
		return AccessPurpose.valueOf(purpose);
	}

	@SuppressWarnings("unchecked")
	static Map<String, String> opened(HttpSession session) {
		Object value = session.getAttribute(OPENED);
		return value instanceof Map<?, ?> map ? (Map<String, String>) map : Map.of();
	}

	private static @Nullable Status parse(@Nullable String status) {
		try {
			return status == null || status.isBlank() ? null : Status.valueOf(status);
		}
		catch (IllegalArgumentException unknown) {
			return null;
		}
	}

	record SettlementOption(String id, String label) {
	}
}
