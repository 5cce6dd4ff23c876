package org.hearth.web;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.hearth.dialogue.Tracker;
import org.hearth.identity.CurrentUser;
import org.hearth.monitoring.Findings;
import org.hearth.monitoring.HeritageSites;
import org.hearth.monitoring.Incidents;
import org.hearth.monitoring.Verification;
import org.hearth.transparency.Proofs;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Where an observer starts: what waits for their sign-off across the dialogue and monitoring modules, the figures
 * those modules publish, and the transparency log that holds every change. It reads only what each module already
 * gives observers, so nothing personal can reach this page that their own pages do not show.
 */
@Controller
@PreAuthorize("hasRole('OBSERVER')")
class ObserverController {

	/** Items listed per section; each section links to the full list and says how many there are. */
	static final int SHOWN = 5;

	private final Tracker tracker;
	private final Incidents incidents;
	private final HeritageSites sites;
	private final Findings findings;
	private final Proofs log;

	ObserverController(Tracker tracker, Incidents incidents, HeritageSites sites, Findings findings, Proofs log) {
		this.tracker = tracker;
		this.incidents = incidents;
		this.sites = sites;
		this.findings = findings;
		this.log = log;
	}

	/** One line of a table of counts: the message key of what is counted, and how many. */
	record Count(String label, long count) {
	}

	/** A visit ahead, with its site's name in the reader's language. */
	record VisitRow(HeritageSites.Visit visit, String site) {
	}

	@GetMapping("/observer")
	String workspace(Locale locale, Model model) {
		List<Tracker.ToCheck> toCheck = tracker.toCheck(CurrentUser.require());
		model.addAttribute("toCheckCount", toCheck.size());
		model.addAttribute("toCheck", toCheck.subList(0, Math.min(SHOWN, toCheck.size())));
		Incidents.Summary summary = incidents.summary(null);
		model.addAttribute("unverifiedCount", summary.byStatus().get(Verification.UNVERIFIED));
		model.addAttribute("unverified", incidents.incidents(
				new Incidents.Filter(null, Verification.UNVERIFIED, null, null, null, null), SHOWN));
		model.addAttribute("commitmentCounts", tracker.countsByStatus().entrySet().stream()
				.map(e -> new Count("dialogue.status." + e.getKey().name(), e.getValue())).toList());
		model.addAttribute("incidentCounts", Arrays.stream(Verification.values())
				.map(v -> new Count("monitoring.verification." + v.name(), summary.byStatus().get(v))).toList());
		model.addAttribute("siteCounts", sites.conditionCounts().stream()
				.map(c -> new Count(c.condition() == null ? "monitoring.site.not-assessed"
						: "monitoring.condition." + c.condition().name(), c.sites())).toList());
		model.addAttribute("visits", sites.scheduledVisits(SHOWN).stream()
				.map(v -> new VisitRow(v, sites.site(v.site()).names().in(locale))).toList());
		model.addAttribute("findings", findings.findings(null, null, SHOWN));
		model.addAttribute("logSize", log.size());
		return "web/observer";
	}
}
