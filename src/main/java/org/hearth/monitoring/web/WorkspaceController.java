package org.hearth.monitoring.web;

import java.util.List;
import java.util.Locale;

import org.hearth.monitoring.Findings;
import org.hearth.monitoring.HeritageSites;
import org.hearth.monitoring.Incidents;
import org.hearth.monitoring.Verification;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The observers' and the secretariat's workspace: incidents waiting for verification and the latest ones, counts by
 * status and kind, the sites by latest condition, the visits ahead, the latest findings.
 */
@Controller
@PreAuthorize("hasAnyRole('OBSERVER', 'DIALOGUE_SECRETARIAT')")
class WorkspaceController {

	static final int LATEST = 10;

	private final Incidents incidents;
	private final HeritageSites sites;
	private final Findings findings;
	private final Labels labels;

	WorkspaceController(Incidents incidents, HeritageSites sites, Findings findings, Labels labels) {
		this.incidents = incidents;
		this.sites = sites;
		this.findings = findings;
		this.labels = labels;
	}

	/** A visit ahead, with its site's name in the reader's language. */
	record VisitRow(HeritageSites.Visit visit, String site) {
	}

	@GetMapping("/monitoring")
	String workspace(Locale locale, Model model) {
		Incidents.Summary summary = incidents.summary(null);
		model.addAttribute("summary", summary);
		model.addAttribute("unverified", incidents.incidents(
				new Incidents.Filter(null, Verification.UNVERIFIED, null, null, null, null), LATEST));
		model.addAttribute("latest", incidents.incidents(Incidents.Filter.ALL, LATEST));
		model.addAttribute("conditions", sites.conditionCounts());
		List<VisitRow> visits = sites.scheduledVisits(LATEST).stream()
				.map(v -> new VisitRow(v, sites.site(v.site()).names().in(locale))).toList();
		model.addAttribute("visits", visits);
		model.addAttribute("findings", findings.findings(null, null, 5));
		model.addAttribute("kinds", summary.byKind().keySet());
		model.addAttribute("statuses", Verification.values());
		return "monitoring/workspace";
	}
}
