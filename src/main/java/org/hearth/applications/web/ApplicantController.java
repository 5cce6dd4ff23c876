package org.hearth.applications.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.hearth.applications.Application;
import org.hearth.applications.ApplicationId;
import org.hearth.applications.ApplicationManagement;
import org.hearth.applications.ApplicationManagement.Submission;
import org.hearth.applications.Status;
import org.hearth.identity.CurrentUser;
import org.hearth.services.AnswerSummary;
import org.hearth.services.Answers;
import org.hearth.services.FieldError;
import org.hearth.services.FormEngine;
import org.hearth.services.FormEngine.Action;
import org.hearth.services.ServiceCatalogue;
import org.hearth.services.ServiceDefinition;
import org.hearth.services.ServiceDefinition.Page;
import org.hearth.shared.NotFoundException;
import org.hearth.shared.RuleViolationException;
import org.hearth.transparency.Receipts;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.WebUtils;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The applicant's journey: start, one page at a time, check the answers, submit; then follow the case, answer
 * requests, read the decision, appeal. Every answer is saved when a page is sent, valid or not, so leaving and
 * coming back loses nothing.
 */
@Controller
@PreAuthorize("hasRole('APPLICANT')")
class ApplicantController {

	private final ApplicationManagement applications;
	private final ServiceCatalogue catalogue;
	private final FormEngine engine;
	private final AnswerSummary summary;
	private final MessageSource messages;
	private final Receipts receipts;

	ApplicantController(ApplicationManagement applications, ServiceCatalogue catalogue, FormEngine engine,
			AnswerSummary summary, MessageSource messages, Receipts receipts) {
		this.applications = applications;
		this.catalogue = catalogue;
		this.engine = engine;
		this.summary = summary;
		this.messages = messages;
		this.receipts = receipts;
	}

	@GetMapping("/applications")
	String list(Model model) {
		model.addAttribute("applications", applications.mine(CurrentUser.require()));
		model.addAttribute("catalogue", catalogue);
		return "applications/list";
	}

	@GetMapping("/applications/new")
	String startPage(@RequestParam String service, Model model) {
		model.addAttribute("service", catalogue.current(service).orElseThrow(NotFoundException::new));
		model.addAttribute("drafts", applications.mine(CurrentUser.require()).stream()
				.filter(a -> a.status() == Status.DRAFT && a.serviceCode().equals(service)).toList());
		return "applications/start";
	}

	@PostMapping("/applications")
	String start(@RequestParam String service) {
		Application draft = applications.start(CurrentUser.require(), service, null);
		Page first = applications.definitionOf(draft).pages().get(0);
		return "redirect:/applications/" + draft.id() + "/pages/" + first.id();
	}

	@GetMapping("/applications/{id}/pages/{pageId}")
	String page(@PathVariable UUID id, @PathVariable String pageId,
			@RequestParam(name = "return", required = false) String returnTo, Locale locale, Model model) {
		Application application = applications.mine(CurrentUser.require(), new ApplicationId(id));
		if (application.status() != Status.DRAFT) {
			return "redirect:/applications/" + id;
		}
		ServiceDefinition definition = applications.definitionOf(application);
		Page page = definition.page(pageId).orElseThrow(NotFoundException::new);
		return renderPage(application, definition, page, Answers.of(application.answers()), List.of(), Map.of(),
				returnTo, locale, model);
	}

	@PostMapping("/applications/{id}/pages/{pageId}")
	String savePage(@PathVariable UUID id, @PathVariable String pageId,
			@RequestParam(name = "return", required = false) String returnTo, HttpServletRequest request,
			Locale locale, Model model) throws IOException {
		CurrentUser user = CurrentUser.require();
		Application application = applications.mine(user, new ApplicationId(id));
		if (application.status() != Status.DRAFT) {
			return "redirect:/applications/" + id;
		}
		ServiceDefinition definition = applications.definitionOf(application);
		Page page = definition.page(pageId).orElseThrow(NotFoundException::new);
		Action action = Action.parse(request.getParameter("action"));
		Answers answers = engine.bind(page, request.getParameterMap(), Answers.of(application.answers()), action);

		List<FieldError> uploadErrors = new ArrayList<>();
		MultipartHttpServletRequest multipart = WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
		if (multipart != null) {
			for (Map.Entry<String, List<MultipartFile>> entry : multipart.getMultiFileMap().entrySet()) {
				String questionId = entry.getKey().replaceFirst("^file\\.", "");
				for (MultipartFile file : entry.getValue()) {
					if (file.isEmpty() && file.getOriginalFilename() != null && file.getOriginalFilename().isEmpty()) {
						continue;
					}
					try {
						answers.addFile(questionId, applications.storeUpload(application, questionId,
								file.getInputStream(), file.getSize(), String.valueOf(file.getOriginalFilename())));
					}
					catch (RuleViolationException refused) {
						uploadErrors.add(new FieldError(questionId, page.id(), refused.messageKey(),
								List.of(refused.arguments()), null));
					}
				}
			}
		}

		var latin = engine.suggestLatin(page, answers);
		answers = latin.answers();
		application = applications.saveAnswers(user, application.id(), answers);

		if (action instanceof Action.Save) {
			return "redirect:/applications?saved=" + id;
		}
		Map<String, String> searches = engine.searches(page, request.getParameterMap());
		if (!(action instanceof Action.Continue)) {
			// Add, remove or search: the same page again, with what changed.
			return renderPage(application, definition, page, answers, uploadErrors, searches, returnTo, locale, model);
		}
		List<FieldError> errors = new ArrayList<>(uploadErrors);
		latin.filled().forEach(path -> errors.add(FieldError.prompt(path + ".latin", page.id(),
				"services.validation.name-confirm-latin")));
		if (errors.isEmpty()) {
			errors.addAll(engine.validatePage(definition, page, answers, applications.today()));
		}
		if (!errors.isEmpty()) {
			return renderPage(application, definition, page, answers, errors, searches, returnTo, locale, model);
		}
		if ("check".equals(returnTo)) {
			return "redirect:/applications/" + id + "/check";
		}
		return engine.next(definition, page, answers)
				.map(next -> "redirect:/applications/" + id + "/pages/" + next.id())
				.orElse("redirect:/applications/" + id + "/check");
	}

	private String renderPage(Application application, ServiceDefinition definition, Page page, Answers answers,
			List<FieldError> errors, Map<String, String> searches, String returnTo, Locale locale, Model model) {
		model.addAttribute("app", application);
		model.addAttribute("form", engine.view(definition, page, answers, errors, locale, searches));
		model.addAttribute("previous", engine.previous(definition, page, answers).orElse(null));
		model.addAttribute("returnTo", "check".equals(returnTo) ? "check" : null);
		return "applications/page";
	}

	@GetMapping("/applications/{id}/check")
	String check(@PathVariable UUID id, Locale locale, Model model) {
		Application application = applications.mine(CurrentUser.require(), new ApplicationId(id));
		if (application.status() != Status.DRAFT) {
			return "redirect:/applications/" + id;
		}
		return renderCheck(application, List.of(), locale, model);
	}

	private String renderCheck(Application application, List<FieldError> errors, Locale locale, Model model) {
		ServiceDefinition definition = applications.definitionOf(application);
		model.addAttribute("app", application);
		model.addAttribute("definition", definition);
		model.addAttribute("sections", summary.summarize(definition, Answers.of(application.answers()), locale));
		model.addAttribute("errors", errors.stream().map(e -> new CheckError(e.pageId(), e.path(),
				definition.question(e.path().replaceAll("[\\[.].*", "")).map(q -> q.label().in(locale)).orElse(""),
				e.message(messages, locale))).toList());
		return "applications/check";
	}

	record CheckError(String pageId, String path, String question, String message) {
	}

	@PostMapping("/applications/{id}/submit")
	String submit(@PathVariable UUID id, Locale locale, Model model) {
		Submission result = applications.submit(CurrentUser.require(), new ApplicationId(id), locale, null);
		if (result instanceof Submission.Invalid invalid) {
			return renderCheck(invalid.application(), invalid.errors(), locale, model);
		}
		return "redirect:/applications/" + id + "/submitted";
	}

	@GetMapping("/applications/{id}/submitted")
	String submitted(@PathVariable UUID id, Model model) {
		Application application = applications.mine(CurrentUser.require(), new ApplicationId(id));
		if (application.status() == Status.DRAFT) {
			return "redirect:/applications/" + id + "/check";
		}
		model.addAttribute("app", application);
		model.addAttribute("receipt", receipts.first("application", id, java.time.Duration.ZERO).orElse(null));
		return "applications/submitted";
	}

	@GetMapping("/applications/{id}")
	String application(@PathVariable UUID id, Locale locale, Model model) {
		Application application = applications.mine(CurrentUser.require(), new ApplicationId(id));
		if (application.status() == Status.DRAFT) {
			return "redirect:/applications/" + id + "/check";
		}
		ServiceDefinition definition = applications.definitionOf(application);
		model.addAttribute("app", application);
		model.addAttribute("definition", definition);
		model.addAttribute("history", applications.history(application.id()));
		model.addAttribute("access", applications.accessLog(application.id()));
		model.addAttribute("canAppeal", application.canAppeal(applications.today()));
		model.addAttribute("eligibility", applications.eligibility(application).orElse(null));
		model.addAttribute("sections", summary.summarize(definition, Answers.of(application.answers()), locale));
		model.addAttribute("receipt", receipts.first("application", id, java.time.Duration.ZERO).orElse(null));
		return "applications/application";
	}

	@PostMapping("/applications/{id}/information/{requestId}")
	String respond(@PathVariable UUID id, @PathVariable UUID requestId,
			@RequestParam(defaultValue = "") String response,
			@RequestParam(name = "files", required = false) List<MultipartFile> files, RedirectAttributes redirect)
			throws IOException {
		CurrentUser user = CurrentUser.require();
		List<UUID> attached;
		try {
			attached = store(files);
		}
		catch (RuleViolationException refused) {
			redirect.addFlashAttribute("responseError", refused.messageKey());
			redirect.addFlashAttribute("responseArgs", refused.arguments());
			redirect.addFlashAttribute("response", response);
			return "redirect:/applications/" + id + "#respond";
		}
		try {
			applications.provideInformation(user, new ApplicationId(id), requestId, response, attached);
		}
		catch (RuleViolationException refused) {
			redirect.addFlashAttribute("responseError", refused.messageKey());
			redirect.addFlashAttribute("response", response);
			return "redirect:/applications/" + id + "#respond";
		}
		redirect.addFlashAttribute("notice", "applications.notice.response-sent");
		return "redirect:/applications/" + id;
	}

	@PostMapping("/applications/{id}/appeal")
	String appeal(@PathVariable UUID id, @RequestParam(defaultValue = "") String statement,
			@RequestParam(name = "files", required = false) List<MultipartFile> files, RedirectAttributes redirect)
			throws IOException {
		CurrentUser user = CurrentUser.require();
		try {
			applications.appeal(user, new ApplicationId(id), statement, store(files));
		}
		catch (RuleViolationException refused) {
			redirect.addFlashAttribute("appealError", refused.messageKey());
			redirect.addFlashAttribute("appealArgs", refused.arguments());
			redirect.addFlashAttribute("statement", statement);
			return "redirect:/applications/" + id + "#appeal";
		}
		redirect.addFlashAttribute("notice", "applications.notice.appeal-lodged");
		return "redirect:/applications/" + id;
	}

	private List<UUID> store(List<MultipartFile> files) throws IOException {
		List<UUID> stored = new ArrayList<>();
		if (files != null) {
			for (MultipartFile file : files) {
				if (!file.isEmpty()) {
					stored.add(applications.storeAttachment(file.getInputStream(), file.getSize(),
							String.valueOf(file.getOriginalFilename())));
				}
			}
		}
		return stored;
	}
}
