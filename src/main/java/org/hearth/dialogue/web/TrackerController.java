package org.hearth.dialogue.web;

import java.io.IOException;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.hearth.dialogue.Audience;
import org.hearth.dialogue.Commitments;
import org.hearth.dialogue.Documents;
import org.hearth.dialogue.Parties;
import org.hearth.dialogue.Tracker;
import org.hearth.shared.NotFoundException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public commitment tracker, without signing in: every commitment with its status, score, verification and due
 * date; one commitment with its meeting (date, place, outcome; never who took part), its claims with the
 * observers' findings and the parties' statements, its evidence and history; the documents shared with the public.
 * Whoever is signed in sees the same as the public here.
 */
@Controller
class TrackerController {

	private final Tracker tracker;
	private final Parties parties;
	private final Commitments commitments;
	private final Documents documents;
	private final Labels labels;

	TrackerController(Tracker tracker, Parties parties, Commitments commitments, Documents documents, Labels labels) {
		this.tracker = tracker;
		this.parties = parties;
		this.commitments = commitments;
		this.documents = documents;
		this.labels = labels;
	}

	@PreAuthorize("permitAll()")
	@GetMapping("/commitments")
	String list(@RequestParam(defaultValue = "") String status, @RequestParam(defaultValue = "") String party,
			@RequestParam(defaultValue = "") String score, Model model) {
		TrackerPages.list(tracker, parties, status, party, score, model);
		model.addAttribute("today", commitments.today());
		return "dialogue/tracker";
	}

	@PreAuthorize("permitAll()")
	@GetMapping("/commitments/{id}")
	String show(@PathVariable UUID id, Model model) {
		model.addAttribute("record", tracker.record(id, Audience.PUBLIC));
		model.addAttribute("partyNames", labels.parties());
		model.addAttribute("today", commitments.today());
		return "dialogue/tracker-commitment";
	}

	/** A document the secretariat shared with the public; any other is not found. */
	@PreAuthorize("permitAll()")
	@GetMapping("/commitments/documents/{document}")
	void download(@PathVariable UUID document, HttpServletResponse response) throws IOException {
		Downloads.send(documents, documents.find(document, Audience.PUBLIC).orElseThrow(NotFoundException::new),
				response);
	}
}
