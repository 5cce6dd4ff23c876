package org.hearth.monitoring.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.hearth.identity.CurrentUser;
import org.hearth.identity.Role;
import org.hearth.monitoring.Findings;
import org.hearth.monitoring.HeritageSites;
import org.hearth.monitoring.Incidents;
import org.hearth.monitoring.SubjectKind;
import org.hearth.platform.DisplayZone;
import org.hearth.shared.LocalizedText;
import org.hearth.shared.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Observers' findings: the latest, by kind of subject, and a form for a finding about any subject by its reference;
 * the one way to write a finding about a dialogue commitment, which this module knows only by its id. Findings about
 * an incident or a site are also written on its page.
 */
@Controller
@PreAuthorize("hasAnyRole('OBSERVER', 'DIALOGUE_SECRETARIAT')")
class FindingController {

	private final Findings findings;
	private final Incidents incidents;
	private final HeritageSites sites;
	private final Labels labels;
	private final DisplayZone zone;
	private final Clock clock;

	FindingController(Findings findings, Incidents incidents, HeritageSites sites, Labels labels, DisplayZone zone,
			Clock clock) {
		this.findings = findings;
		this.incidents = incidents;
		this.sites = sites;
		this.labels = labels;
		this.zone = zone;
		this.clock = clock;
	}

	/** A finding as typed: its texts in up to four languages, its day, and whose it is. */
	record FindingForm(String textHy, String textAz, String textRu, String textEn, String foundOn,
			String organisation, String authorRole) {
	}

	/** The form on the findings page also names its subject. */
	record SubjectForm(String subjectKind, String subject) {
	}

	/** A finding with what it is about, as the list names it. */
	record Row(Findings.Finding finding, String subjectLabel, String subjectLink) {
	}

	@GetMapping("/monitoring/findings")
	String list(@RequestParam(defaultValue = "") String subjectKind, Locale locale, Model model) {
		return render(Forms.filter(SubjectKind.class, subjectKind), locale, model, null, null);
	}

	@PreAuthorize("hasRole('OBSERVER')")
	@PostMapping("/monitoring/findings")
	String record(@RequestParam(defaultValue = "") String subjectKind, @RequestParam(defaultValue = "") String subject,
			@RequestParam(defaultValue = "") String textHy, @RequestParam(defaultValue = "") String textAz,
			@RequestParam(defaultValue = "") String textRu, @RequestParam(defaultValue = "") String textEn,
			@RequestParam(defaultValue = "") String foundOn, @RequestParam(defaultValue = "") String organisation,
			@RequestParam(defaultValue = "") String authorRole, Locale locale, Model model,
			RedirectAttributes redirect) {
		FindingForm form = new FindingForm(textHy, textAz, textRu, textEn, foundOn, organisation, authorRole);
		SubjectForm about = new SubjectForm(subjectKind, subject);
		return Forms.change("finding", model, redirect, () -> {
			SubjectKind kind = Forms.choice(SubjectKind.class, subjectKind, "monitoring.error.choose-subject");
			UUID id = Forms.uuid(subject, "monitoring.error.subject-reference");
			findings.record(CurrentUser.require(), finding(kind, id, form));
			return Forms.Done.to("/monitoring/findings", "monitoring.finding.notice.recorded");
		}, () -> render(null, locale, model, form, about));
	}

	private String render(@Nullable SubjectKind kind, Locale locale, Model model, @Nullable FindingForm form,
			@Nullable SubjectForm about) {
		Map<UUID, Incidents.Incident> incidentCache = new HashMap<>();
		List<Row> rows = findings.findings(kind, null, Findings.LIMIT).stream().map(f -> row(f, locale, incidentCache))
				.toList();
		model.addAttribute("rows", rows);
		model.addAttribute("limit", Findings.LIMIT);
		model.addAttribute("subjectKind", kind == null ? "" : kind.name());
		model.addAttribute("subjectKinds", SubjectKind.values());
		model.addAttribute("findingForm", form != null ? form : emptyForm(findings, clock, zone));
		model.addAttribute("today", LocalDate.now(clock.withZone(zone.zone())).toString());
		model.addAttribute("subjectForm", about != null ? about : new SubjectForm("COMMITMENT", ""));
		return "monitoring/findings";
	}

	private Row row(Findings.Finding f, Locale locale, Map<UUID, Incidents.Incident> cache) {
		return switch (f.subjectKind()) {
			case INCIDENT -> {
				try {
					Incidents.Incident i = cache.computeIfAbsent(f.subject(), incidents::incident);
					yield new Row(f, labels.incidentTitle(i, locale), "/monitoring/incidents/" + i.id());
				}
				catch (NotFoundException gone) {
					yield new Row(f, f.subject().toString(), "");
				}
			}
			case SITE -> {
				try {
					yield new Row(f, sites.site(f.subject()).names().in(locale), "/monitoring/sites/" + f.subject());
				}
				catch (NotFoundException gone) {
					yield new Row(f, f.subject().toString(), "");
				}
			}
			case COMMITMENT -> new Row(f, labels.commitment(f.subject(), locale), "/commitments/" + f.subject());
		};
	}

	/**
	 * An empty finding form for today, signed with the organisation and role the observer last wrote under: they are
	 * the same on most days.
	 */
	static FindingForm emptyForm(Findings findings, Clock clock, DisplayZone zone) {
		String today = LocalDate.now(clock.withZone(zone.zone())).toString();
		var signature = CurrentUser.get().filter(u -> u.has(Role.OBSERVER)).flatMap(findings::lastSignature);
		return new FindingForm("", "", "", "", today, signature.map(Map.Entry::getKey).orElse(""),
				signature.map(Map.Entry::getValue).orElse(""));
	}

	static Findings.NewFinding finding(SubjectKind kind, UUID subject, FindingForm form) {
		Map<String, String> texts = new java.util.LinkedHashMap<>();
		texts.put("hy", form.textHy());
		texts.put("az", form.textAz());
		texts.put("ru", form.textRu());
		texts.put("en", form.textEn());
		return new Findings.NewFinding(kind, subject, new LocalizedText(texts), Forms.date(form.foundOn()),
				form.organisation(), form.authorRole());
	}
}
