package org.hearth.monitoring.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.hearth.identity.CurrentUser;
import org.hearth.monitoring.Condition;
import org.hearth.monitoring.Coordinates;
import org.hearth.monitoring.Findings;
import org.hearth.monitoring.HeritageSites;
import org.hearth.monitoring.Incidents;
import org.hearth.monitoring.Protection;
import org.hearth.monitoring.SiteKind;
import org.hearth.monitoring.SubjectKind;
import org.hearth.platform.DisplayZone;
import org.hearth.shared.LocalizedText;
import org.hearth.shared.RuleViolationException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Heritage sites for observers and the dialogue secretariat: the register with each site's latest condition, a new
 * site, and a site with its assessments (notes and photos), visits, the incidents that concern it and findings.
 * Observers record assessments, complete visits and write findings; both roles add sites, correct their details and
 * schedule or cancel visits. A refused form comes back with what was typed; chosen photos must be chosen again, as a
 * browser never sends a file twice, and the message says so.
 */
@Controller
@PreAuthorize("hasAnyRole('OBSERVER', 'DIALOGUE_SECRETARIAT')")
class SiteController {

	/** Incidents concerning a site shown on its page, latest first. */
	static final int INCIDENTS_SHOWN = 50;

	private final HeritageSites sites;
	private final Incidents incidents;
	private final Findings findings;
	private final Labels labels;
	private final DisplayZone zone;
	private final Clock clock;

	SiteController(HeritageSites sites, Incidents incidents, Findings findings, Labels labels, DisplayZone zone,
			Clock clock) {
		this.sites = sites;
		this.incidents = incidents;
		this.findings = findings;
		this.labels = labels;
		this.zone = zone;
		this.clock = clock;
	}

	/** A site's details as typed. */
	record SiteForm(String nameHy, String nameAz, String nameRu, String nameEn, String kind, String settlement,
			String latitude, String longitude, String protection, String version) {

		static final SiteForm EMPTY = new SiteForm("", "", "", "", "", "", "", "", "UNKNOWN", "");

		static SiteForm of(HeritageSites.Site s) {
			Map<String, String> n = s.names().values();
			return new SiteForm(n.get("hy"), n.get("az"), n.get("ru"), n.get("en"), s.kind().name(), s.settlement(),
					s.coordinates() == null ? "" : s.coordinates().latitude().stripTrailingZeros().toPlainString(),
					s.coordinates() == null ? "" : s.coordinates().longitude().stripTrailingZeros().toPlainString(),
					s.protection().name(), String.valueOf(s.version()));
		}
	}

	record AssessmentForm(String condition, String assessedOn, String organisation, String assessorRole, String notes,
			String corrects) {
	}

	record VisitForm(String plannedOn, String purpose) {
	}

	/** Completing or cancelling one visit, as typed; {@code visit} says which. */
	record CloseForm(String visit, String completedOn, String report, String assessment, String reason) {

		static final CloseForm EMPTY = new CloseForm("", "", "", "", "");
	}

	/** A site of the list, named in the reader's language, with its latest condition. */
	record Row(HeritageSites.Site site, String name, String place, HeritageSites.@Nullable PublicAssessment latest) {
	}

	@GetMapping("/monitoring/sites")
	String list(@RequestParam(defaultValue = "") String condition, Locale locale, Model model) {
		String chosen = condition.strip();
		List<Row> rows = sites.overview().stream()
				.filter(s -> chosen.isEmpty() || (chosen.equals("NONE") ? s.latest() == null
						: s.latest() != null && s.latest().condition().name().equals(chosen)))
				.map(s -> new Row(s.site(), s.site().names().in(locale), labels.settlement(s.site().settlement(), locale),
						s.latest()))
				.sorted(Comparator.comparing(Row::name, java.text.Collator.getInstance(locale))).toList();
		model.addAttribute("rows", rows);
		model.addAttribute("condition", chosen);
		model.addAttribute("conditions", Condition.values());
		return "monitoring/sites";
	}

	@GetMapping("/monitoring/sites/new")
	String form(Locale locale, Model model) {
		return renderNew(SiteForm.EMPTY, locale, model);
	}

	@PostMapping("/monitoring/sites")
	String add(@RequestParam(defaultValue = "") String nameHy, @RequestParam(defaultValue = "") String nameAz,
			@RequestParam(defaultValue = "") String nameRu, @RequestParam(defaultValue = "") String nameEn,
			@RequestParam(defaultValue = "") String kind, @RequestParam(defaultValue = "") String settlement,
			@RequestParam(defaultValue = "") String latitude, @RequestParam(defaultValue = "") String longitude,
			@RequestParam(defaultValue = "") String protection, Locale locale, Model model,
			RedirectAttributes redirect) {
		SiteForm form = new SiteForm(nameHy, nameAz, nameRu, nameEn, kind, settlement, latitude, longitude, protection,
				"");
		return Forms.change("site", model, redirect, () -> {
			HeritageSites.Site added = sites.add(CurrentUser.require(), details(form));
			return Forms.Done.to("/monitoring/sites/" + added.id(), "monitoring.site.notice.added",
					added.names().in(locale));
		}, () -> renderNew(form, locale, model));
	}

	@GetMapping("/monitoring/sites/{id}")
	String site(@PathVariable UUID id, Locale locale, Model model) {
		return render(id, locale, model, Typed.NONE);
	}

	@PostMapping("/monitoring/sites/{id}")
	String update(@PathVariable UUID id, @RequestParam(defaultValue = "") String nameHy,
			@RequestParam(defaultValue = "") String nameAz, @RequestParam(defaultValue = "") String nameRu,
			@RequestParam(defaultValue = "") String nameEn, @RequestParam(defaultValue = "") String kind,
			@RequestParam(defaultValue = "") String settlement, @RequestParam(defaultValue = "") String latitude,
			@RequestParam(defaultValue = "") String longitude, @RequestParam(defaultValue = "") String protection,
			@RequestParam(defaultValue = "") String version, Locale locale, Model model, RedirectAttributes redirect) {
		sites.site(id);
		SiteForm form = new SiteForm(nameHy, nameAz, nameRu, nameEn, kind, settlement, latitude, longitude, protection,
				version);
		return Forms.change("details", model, redirect, () -> {
			sites.update(CurrentUser.require(), id, details(form), Forms.version(version));
			return Forms.Done.to("/monitoring/sites/" + id + "#details", "monitoring.site.notice.updated");
		}, () -> render(id, locale, model, Typed.NONE.with(form)));
	}

	@PreAuthorize("hasRole('OBSERVER')")
	@PostMapping("/monitoring/sites/{id}/assessments")
	String assess(@PathVariable UUID id, @RequestParam(defaultValue = "") String condition,
			@RequestParam(defaultValue = "") String assessedOn, @RequestParam(defaultValue = "") String organisation,
			@RequestParam(defaultValue = "") String assessorRole, @RequestParam(defaultValue = "") String notes,
			@RequestParam(defaultValue = "") String corrects,
			@RequestParam(name = "photos", required = false) @Nullable List<MultipartFile> photos, Locale locale,
			Model model, RedirectAttributes redirect) {
		sites.site(id);
		AssessmentForm form = new AssessmentForm(condition, assessedOn, organisation, assessorRole, notes, corrects);
		boolean photosChosen = photos != null && photos.stream().anyMatch(p -> !p.isEmpty());
		return Forms.change("assessment", model, redirect, () -> {
			HeritageSites.NewAssessment assessment = new HeritageSites.NewAssessment(
					Forms.choice(Condition.class, condition, "monitoring.error.choose-condition"), Forms.date(assessedOn),
					organisation, assessorRole, notes, Forms.optionalUuid(corrects, "monitoring.error.corrects-unknown"));
			var recorded = sites.assess(CurrentUser.require(), id, assessment, uploads(photos));
			return Forms.Done.to("/monitoring/sites/" + id + "#assessments", "monitoring.assessment.notice.recorded",
					recorded.photos().size());
		}, () -> {
			// A browser never sends a chosen file twice: say so, beside the refusal, when there were any.
			model.addAttribute("photosAgain", photosChosen);
			return render(id, locale, model, Typed.NONE.with(form));
		});
	}

	@PostMapping("/monitoring/sites/{id}/visits")
	String schedule(@PathVariable UUID id, @RequestParam(defaultValue = "") String plannedOn,
			@RequestParam(defaultValue = "") String purpose, Locale locale, Model model, RedirectAttributes redirect) {
		sites.site(id);
		VisitForm form = new VisitForm(plannedOn, purpose);
		return Forms.change("visit", model, redirect, () -> {
			sites.schedule(CurrentUser.require(), id, Forms.date(plannedOn), purpose);
			return Forms.Done.to("/monitoring/sites/" + id + "#visits", "monitoring.visit.notice.scheduled");
		}, () -> render(id, locale, model, Typed.NONE.with(form)));
	}

	@PreAuthorize("hasRole('OBSERVER')")
	@PostMapping("/monitoring/visits/{visit}/complete")
	String complete(@PathVariable UUID visit, @RequestParam(defaultValue = "") String completedOn,
			@RequestParam(defaultValue = "") String report, @RequestParam(defaultValue = "") String assessment,
			Locale locale, Model model, RedirectAttributes redirect) {
		UUID site = sites.visit(visit).site();
		CloseForm form = new CloseForm(visit.toString(), completedOn, report, assessment, "");
		return Forms.change("close-" + visit, model, redirect, () -> {
			sites.complete(CurrentUser.require(), visit, Forms.date(completedOn), report,
					Forms.optionalUuid(assessment, "monitoring.error.visit-assessment"));
			return Forms.Done.to("/monitoring/sites/" + site + "#visits", "monitoring.visit.notice.completed");
		}, () -> render(site, locale, model, Typed.NONE.with(form)));
	}

	@PostMapping("/monitoring/visits/{visit}/cancel")
	String cancel(@PathVariable UUID visit, @RequestParam(defaultValue = "") String reason, Locale locale, Model model,
			RedirectAttributes redirect) {
		UUID site = sites.visit(visit).site();
		CloseForm form = new CloseForm(visit.toString(), "", "", "", reason);
		return Forms.change("close-" + visit, model, redirect, () -> {
			sites.cancel(CurrentUser.require(), visit, reason);
			return Forms.Done.to("/monitoring/sites/" + site + "#visits", "monitoring.visit.notice.cancelled");
		}, () -> render(site, locale, model, Typed.NONE.with(form)));
	}

	@PreAuthorize("hasRole('OBSERVER')")
	@PostMapping("/monitoring/sites/{id}/findings")
	String finding(@PathVariable UUID id, @RequestParam(defaultValue = "") String textHy,
			@RequestParam(defaultValue = "") String textAz, @RequestParam(defaultValue = "") String textRu,
			@RequestParam(defaultValue = "") String textEn, @RequestParam(defaultValue = "") String foundOn,
			@RequestParam(defaultValue = "") String organisation, @RequestParam(defaultValue = "") String authorRole,
			Locale locale, Model model, RedirectAttributes redirect) {
		sites.site(id);
		var form = new FindingController.FindingForm(textHy, textAz, textRu, textEn, foundOn, organisation, authorRole);
		return Forms.change("finding", model, redirect, () -> {
			findings.record(CurrentUser.require(), FindingController.finding(SubjectKind.SITE, id, form));
			return Forms.Done.to("/monitoring/sites/" + id + "#findings", "monitoring.finding.notice.recorded");
		}, () -> render(id, locale, model, Typed.NONE.with(form)));
	}

	private static List<HeritageSites.Photo> uploads(@Nullable List<MultipartFile> files) {
		List<HeritageSites.Photo> photos = new ArrayList<>();
		if (files != null) {
			for (MultipartFile file : files) {
				if (file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank())) {
					continue;
				}
				try {
					photos.add(new HeritageSites.Photo(file.getInputStream(), file.getSize(),
							String.valueOf(file.getOriginalFilename())));
				}
				catch (IOException e) {
					throw new UncheckedIOException(e);
				}
			}
		}
		return photos;
	}

	private HeritageSites.SiteDetails details(SiteForm form) {
		Map<String, String> names = new LinkedHashMap<>();
		names.put("hy", form.nameHy());
		names.put("az", form.nameAz());
		names.put("ru", form.nameRu());
		names.put("en", form.nameEn());
		SiteKind kind = Forms.choice(SiteKind.class, form.kind(), "monitoring.error.choose-site-kind");
		if (form.settlement().isBlank()) {
			throw new RuleViolationException("monitoring.error.unknown-settlement");
		}
		Coordinates point = Coordinates.parse(form.latitude(), form.longitude());
		Protection protection = Forms.choice(Protection.class, form.protection(), "monitoring.error.choose-protection");
		return new HeritageSites.SiteDetails(new LocalizedText(names), kind, form.settlement(), point, protection);
	}

	private String renderNew(SiteForm form, Locale locale, Model model) {
		model.addAttribute("siteForm", form);
		common(locale, model);
		return "monitoring/site-new";
	}

	/** What was typed into one of the site page's forms, to show it again; the others start afresh. */
	record Typed(@Nullable SiteForm site, @Nullable AssessmentForm assessment, @Nullable VisitForm visit,
			@Nullable CloseForm close, FindingController.@Nullable FindingForm finding) {

		static final Typed NONE = new Typed(null, null, null, null, null);

		Typed with(Object form) {
			return new Typed(form instanceof SiteForm s ? s : site, form instanceof AssessmentForm a ? a : assessment,
					form instanceof VisitForm v ? v : visit, form instanceof CloseForm c ? c : close,
					form instanceof FindingController.FindingForm f ? f : finding);
		}
	}

	private String render(UUID id, Locale locale, Model model, Typed typed) {
		HeritageSites.Site site = sites.site(id);
		List<HeritageSites.Assessment> assessments = sites.assessments(id);
		LocalDate today = LocalDate.now(clock.withZone(zone.zone()));
		model.addAttribute("site", site);
		model.addAttribute("place", labels.settlement(site.settlement(), locale));
		model.addAttribute("point", labels.point(site.coordinates(), locale));
		model.addAttribute("assessments", assessments);
		model.addAttribute("visits", sites.visits(id));
		model.addAttribute("incidents", incidents.incidents(new Incidents.Filter(null, null, null, null, null, id),
				INCIDENTS_SHOWN));
		model.addAttribute("findings", findings.findings(SubjectKind.SITE, id, Findings.LIMIT));
		model.addAttribute("photoMaxMegabytes", Math.max(1, sites.photoMaxBytes() / (1024 * 1024)));
		model.addAttribute("photosPerAssessment", sites.photosPerAssessment());
		model.addAttribute("today", today.toString());
		var signature = CurrentUser.get().flatMap(findings::lastSignature);
		model.addAttribute("siteForm", typed.site() != null ? typed.site() : SiteForm.of(site));
		model.addAttribute("assessmentForm", typed.assessment() != null ? typed.assessment()
				: new AssessmentForm("", today.toString(), signature.map(Map.Entry::getKey).orElse(""),
						signature.map(Map.Entry::getValue).orElse(""), "", ""));
		model.addAttribute("visitForm", typed.visit() != null ? typed.visit() : new VisitForm("", ""));
		model.addAttribute("closeForm", typed.close() != null ? typed.close() : CloseForm.EMPTY);
		model.addAttribute("findingForm",
				typed.finding() != null ? typed.finding() : FindingController.emptyForm(findings, clock, zone));
		common(locale, model);
		return "monitoring/site";
	}

	private void common(Locale locale, Model model) {
		model.addAttribute("places", labels.settlements(locale));
		model.addAttribute("kinds", SiteKind.values());
		model.addAttribute("protections", Protection.values());
		model.addAttribute("conditions", Condition.values());
	}
}
