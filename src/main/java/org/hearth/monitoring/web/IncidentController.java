package org.hearth.monitoring.web;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.hearth.identity.CurrentUser;
import org.hearth.identity.Role;
import org.hearth.monitoring.Coordinates;
import org.hearth.monitoring.Findings;
import org.hearth.monitoring.HeritageSites;
import org.hearth.monitoring.IncidentKind;
import org.hearth.monitoring.Incidents;
import org.hearth.monitoring.SourceKind;
import org.hearth.monitoring.SubjectKind;
import org.hearth.monitoring.Verification;
import org.hearth.platform.DisplayZone;
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
 * Incidents for observers and the dialogue secretariat: the list with its filters, a new report, and an incident with
 * its description, source, links, verification history and findings. Observers alone verify, dispute or find an
 * incident unfounded, and write findings. A refused form comes back with what was typed and the reason beside it.
 */
@Controller
@PreAuthorize("hasAnyRole('OBSERVER', 'DIALOGUE_SECRETARIAT')")
class IncidentController {

	private final Incidents incidents;
	private final HeritageSites sites;
	private final Findings findings;
	private final Labels labels;
	private final DisplayZone zone;
	private final Clock clock;

	IncidentController(Incidents incidents, HeritageSites sites, Findings findings, Labels labels, DisplayZone zone,
			Clock clock) {
		this.incidents = incidents;
		this.sites = sites;
		this.findings = findings;
		this.labels = labels;
		this.zone = zone;
		this.clock = clock;
	}

	/** A new incident as typed. */
	record IncidentForm(String kind, String occurredAt, String reportedAt, String settlement, String latitude,
			String longitude, String description, String sourceKind, String sourceReference, List<String> sites,
			List<String> facilities) {

		IncidentForm {
			sites = List.copyOf(sites);
			facilities = List.copyOf(facilities);
		}
	}

	record VerifyForm(String status, String note, String version) {
	}

	@GetMapping("/monitoring/incidents")
	String list(@RequestParam(defaultValue = "") String kind, @RequestParam(defaultValue = "") String status,
			@RequestParam(defaultValue = "") String settlement, @RequestParam(defaultValue = "") String from,
			@RequestParam(defaultValue = "") String to, Locale locale, Model model) {
		IncidentKind k = Forms.filter(IncidentKind.class, kind);
		Verification s = Forms.filter(Verification.class, status);
		java.time.LocalDate start = null;
		java.time.LocalDate end = null;
		try {
			start = Forms.optionalDate(from);
			end = Forms.optionalDate(to);
			if (start != null && end != null && end.isBefore(start)) {
				throw new org.hearth.shared.RuleViolationException("monitoring.error.dates-out-of-order");
			}
		}
		catch (UserFacingException refused) {
			model.addAttribute("refusal", Refusal.of("filters", refused));
			start = null;
			end = null;
		}
		model.addAttribute("incidents", incidents.incidents(new Incidents.Filter(k, s,
				settlement.isBlank() ? null : settlement, start, end, null), Incidents.LIMIT));
		model.addAttribute("limit", Incidents.LIMIT);
		model.addAttribute("kind", k == null ? "" : k.name());
		model.addAttribute("status", s == null ? "" : s.name());
		model.addAttribute("settlement", settlement);
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		model.addAttribute("kinds", IncidentKind.values());
		model.addAttribute("statuses", Verification.values());
		model.addAttribute("places", labels.settlements(locale));
		return "monitoring/incidents";
	}

	@GetMapping("/monitoring/incidents/new")
	String form(Locale locale, Model model) {
		String now = LocalDateTime.now(clock.withZone(zone.zone())).truncatedTo(ChronoUnit.MINUTES).toString();
		return renderNew(new IncidentForm("", "", now, "", "", "", "", "", "", List.of(), List.of()), locale, model);
	}

	@PostMapping("/monitoring/incidents")
	String record(@RequestParam(defaultValue = "") String kind, @RequestParam(defaultValue = "") String occurredAt,
			@RequestParam(defaultValue = "") String reportedAt, @RequestParam(defaultValue = "") String settlement,
			@RequestParam(defaultValue = "") String latitude, @RequestParam(defaultValue = "") String longitude,
			@RequestParam(defaultValue = "") String description, @RequestParam(defaultValue = "") String sourceKind,
			@RequestParam(defaultValue = "") String sourceReference,
			@RequestParam(name = "sites", required = false) @Nullable List<String> siteIds,
			@RequestParam(name = "facilities", required = false) @Nullable List<String> facilityIds,
			@RequestParam(defaultValue = "") String confidential, Locale locale, Model model,
			RedirectAttributes redirect) {
		IncidentForm form = new IncidentForm(kind, occurredAt, reportedAt, settlement, latitude, longitude,
				description, sourceKind, sourceReference, siteIds == null ? List.of() : siteIds,
				facilityIds == null ? List.of() : facilityIds);
		return Forms.change("incident", model, redirect, () -> {
			Incidents.Incident recorded = incidents.record(CurrentUser.require(), incident(form), confidential);
			return Forms.Done.to("/monitoring/incidents/" + recorded.id(), "monitoring.incident.notice.recorded");
		}, () -> {
			model.addAttribute("confidentialTyped", confidential);
			return renderNew(form, locale, model);
		});
	}

	@GetMapping("/monitoring/incidents/{id}")
	String incident(@PathVariable UUID id, Locale locale, Model model) {
		return render(id, locale, model, null, null);
	}

	/** Who was involved, a witness's contact: kept from observers and the public. */
	@PreAuthorize("hasRole('DIALOGUE_SECRETARIAT')")
	@PostMapping("/monitoring/incidents/{id}/confidential")
	String confidential(@PathVariable UUID id, @RequestParam(defaultValue = "") String note, Locale locale,
			Model model, RedirectAttributes redirect) {
		incidents.incident(id);
		return Forms.change("confidential", model, redirect, () -> {
			incidents.addConfidential(CurrentUser.require(), id, note);
			return Forms.Done.to("/monitoring/incidents/" + id + "#confidential", "monitoring.incident.notice.confidential");
		}, () -> {
			model.addAttribute("confidentialTyped", note);
			return render(id, locale, model, null, null);
		});
	}

	@PreAuthorize("hasRole('OBSERVER')")
	@PostMapping("/monitoring/incidents/{id}/verification")
	String verify(@PathVariable UUID id, @RequestParam(defaultValue = "") String status,
			@RequestParam(defaultValue = "") String note, @RequestParam(defaultValue = "") String version,
			Locale locale, Model model, RedirectAttributes redirect) {
		incidents.incident(id);
		VerifyForm form = new VerifyForm(status, note, version);
		return Forms.change("verification", model, redirect, () -> {
			Verification to = Forms.choice(Verification.class, status, "monitoring.error.choose-verification");
			incidents.verify(CurrentUser.require(), id, Forms.version(version), to, note);
			return Forms.Done.to("/monitoring/incidents/" + id + "#verification",
					"monitoring.incident.notice.verification", to.label());
		}, () -> render(id, locale, model, form, null));
	}

	@PreAuthorize("hasRole('OBSERVER')")
	@PostMapping("/monitoring/incidents/{id}/findings")
	String finding(@PathVariable UUID id, @RequestParam(defaultValue = "") String textHy,
			@RequestParam(defaultValue = "") String textAz, @RequestParam(defaultValue = "") String textRu,
			@RequestParam(defaultValue = "") String textEn, @RequestParam(defaultValue = "") String foundOn,
			@RequestParam(defaultValue = "") String organisation, @RequestParam(defaultValue = "") String authorRole,
			Locale locale, Model model, RedirectAttributes redirect) {
		incidents.incident(id);
		FindingController.FindingForm form = new FindingController.FindingForm(textHy, textAz, textRu, textEn, foundOn, organisation, authorRole);
		return Forms.change("finding", model, redirect, () -> {
			findings.record(CurrentUser.require(), FindingController.finding(SubjectKind.INCIDENT, id, form));
			return Forms.Done.to("/monitoring/incidents/" + id + "#findings", "monitoring.finding.notice.recorded");
		}, () -> render(id, locale, model, null, form));
	}

	private Incidents.NewIncident incident(IncidentForm form) {
		IncidentKind kind = Forms.choice(IncidentKind.class, form.kind(), "monitoring.error.choose-kind");
		if (form.occurredAt().isBlank()) {
			throw new org.hearth.shared.RuleViolationException("monitoring.error.occurred-missing");
		}
		var occurred = Forms.dateTime(form.occurredAt(), zone.zone(), "monitoring.error.date-time-format");
		var reported = form.reportedAt().isBlank() ? clock.instant()
				: Forms.dateTime(form.reportedAt(), zone.zone(), "monitoring.error.date-time-format");
		if (form.settlement().isBlank()) {
			throw new org.hearth.shared.RuleViolationException("monitoring.error.unknown-settlement");
		}
		Coordinates point = Coordinates.parse(form.latitude(), form.longitude());
		SourceKind source = Forms.choice(SourceKind.class, form.sourceKind(), "monitoring.error.choose-source");
		List<UUID> siteLinks = form.sites().stream().filter(s -> !s.isBlank())
				.map(s -> Forms.uuid(s, "monitoring.error.unknown-site")).toList();
		List<UUID> facilityLinks = form.facilities().stream().filter(s -> !s.isBlank())
				.map(s -> Forms.uuid(s, "monitoring.error.unknown-facility")).toList();
		return new Incidents.NewIncident(kind, occurred, reported, form.settlement(), point, form.description(),
				source, form.sourceReference(), siteLinks, facilityLinks);
	}

	private String renderNew(IncidentForm form, Locale locale, Model model) {
		model.addAttribute("incidentForm", form);
		model.addAttribute("kinds", IncidentKind.values());
		model.addAttribute("sources", SourceKind.values());
		model.addAttribute("places", labels.settlements(locale));
		model.addAttribute("siteOptions", labels.sites(sites.sites(), locale));
		model.addAttribute("facilityOptions", labels.facilities(locale));
		model.addAttribute("now",
				LocalDateTime.now(clock.withZone(zone.zone())).truncatedTo(ChronoUnit.MINUTES).toString());
		return "monitoring/incident-new";
	}

	private String render(UUID id, Locale locale, Model model, @Nullable VerifyForm verify,
			FindingController.@Nullable FindingForm finding) {
		Incidents.Incident incident = incidents.incident(id);
		Incidents.Links links = incidents.links(id);
		model.addAttribute("incident", incident);
		model.addAttribute("place", labels.settlement(incident.settlement(), locale));
		model.addAttribute("point", incident.coordinates() == null ? null : labels.point(incident.coordinates(), locale));
		model.addAttribute("linkedSites", links.sites().stream().map(sites::site).toList());
		model.addAttribute("linkedFacilities", links.facilities().stream().map(labels::facility).toList());
		model.addAttribute("history", incidents.history(id));
		model.addAttribute("next", List.copyOf(incident.status().next()));
		// The version of the incident as shown now: after a conflict, the form is for what the page shows.
		model.addAttribute("verifyForm", new VerifyForm(verify == null ? "" : verify.status(),
				verify == null ? "" : verify.note(), String.valueOf(incident.version())));
		model.addAttribute("findings", findings.findings(SubjectKind.INCIDENT, id, Findings.LIMIT));
		CurrentUser user = CurrentUser.require();
		// Personal details only for the secretariat: an observer's page has none to show.
		model.addAttribute("confidential", user.has(Role.DIALOGUE_SECRETARIAT)
				? incidents.confidential(user, id) : null);
		model.addAttribute("today", java.time.LocalDate.now(clock.withZone(zone.zone())).toString());
		model.addAttribute("findingForm", finding != null ? finding : FindingController.emptyForm(findings, clock, zone));
		return "monitoring/incident";
	}
}
