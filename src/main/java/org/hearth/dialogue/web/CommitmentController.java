package org.hearth.dialogue.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.hearth.dialogue.Audience;
import org.hearth.dialogue.Claims;
import org.hearth.dialogue.Commitment;
import org.hearth.dialogue.CommitmentStatus;
import org.hearth.dialogue.Commitments;
import org.hearth.dialogue.Documents;
import org.hearth.dialogue.EvidenceKind;
import org.hearth.dialogue.Meetings;
import org.hearth.dialogue.Parties;
import org.hearth.dialogue.SharedWith;
import org.hearth.dialogue.Tracker;
import org.hearth.dialogue.web.Forms.Done;
import org.hearth.dialogue.web.Forms.Multilingual;
import org.hearth.identity.CurrentUser;
import org.hearth.identity.Role;
import org.hearth.shared.NotFoundException;
import org.hearth.shared.RuleViolationException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The commitments for the secretariat and the observers: the list with its filters and the claims waiting for the
 * observer, a new commitment, and one commitment with its claims, findings, statements, evidence and history, and
 * the forms of what the reader may do: the secretariat moves it along its lifecycle, scores it, corrects it, adds
 * evidence and the parties' statements; an observer verifies or disputes its claims.
 */
@Controller
class CommitmentController {

	private final Commitments commitments;
	private final Claims claims;
	private final Tracker tracker;
	private final Meetings meetings;
	private final Parties parties;
	private final Documents documents;
	private final Labels labels;

	CommitmentController(Commitments commitments, Claims claims, Tracker tracker, Meetings meetings, Parties parties,
			Documents documents, Labels labels) {
		this.commitments = commitments;
		this.claims = claims;
		this.tracker = tracker;
		this.meetings = meetings;
		this.parties = parties;
		this.documents = documents;
		this.labels = labels;
	}

	record CommitmentForm(String meeting, Multilingual text, List<String> parties, String dueOn) {
	}

	/** What was typed into one of the forms of a commitment's page; {@code form} names the form. */
	record Typed(String form, Map<String, String> fields) {

		static final Typed NONE = new Typed("", Map.of());

		/** The value typed into {@code field} of {@code name}'s form, or empty. */
		public String value(String name, String field) {
			return form.equals(name) ? fields.getOrDefault(field, "") : "";
		}
	}

	@PreAuthorize("hasAnyRole('DIALOGUE_SECRETARIAT', 'OBSERVER')")
	@GetMapping("/dialogue")
	String home(@RequestParam(defaultValue = "") String status, @RequestParam(defaultValue = "") String party,
			@RequestParam(defaultValue = "") String score, Model model) {
		CurrentUser user = CurrentUser.require();
		TrackerPages.list(tracker, parties, status, party, score, model);
		model.addAttribute("toCheck", user.has(Role.OBSERVER) ? tracker.toCheck(user) : List.of());
		return "dialogue/home";
	}

	@PreAuthorize("hasRole('DIALOGUE_SECRETARIAT')")
	@GetMapping("/dialogue/commitments/new")
	String blank(@RequestParam(defaultValue = "") String meeting, Model model) {
		return renderNew(new CommitmentForm(meeting, Multilingual.EMPTY, List.of(), ""), model);
	}

	@PreAuthorize("hasRole('DIALOGUE_SECRETARIAT')")
	@PostMapping("/dialogue/commitments")
	String create(@RequestParam MultiValueMap<String, String> form, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		var typed = new CommitmentForm(Forms.field(form, "meeting"), Multilingual.read(form, "text"),
				Forms.values(form, "party"), Forms.field(form, "dueOn"));
		return Forms.change("commitment", model, redirect, response, () -> {
			UUID meeting = Forms.uuid(typed.meeting(), "dialogue.error.choose-meeting");
			Commitment created = commitments.create(CurrentUser.require(), new Commitments.NewCommitment(meeting,
					typed.text().text(), ids(typed.parties()), Forms.optionalDate(typed.dueOn(), "dialogue.field.due-on")));
			return new Done("/dialogue/commitments/" + created.id(), "dialogue.notice.commitment-created");
		}, () -> renderNew(typed, model));
	}

	@PreAuthorize("hasAnyRole('DIALOGUE_SECRETARIAT', 'OBSERVER')")
	@GetMapping("/dialogue/commitments/{id}")
	String show(@PathVariable UUID id, Model model) {
		return render(id, model, Typed.NONE);
	}

	@PreAuthorize("hasRole('DIALOGUE_SECRETARIAT')")
	@PostMapping("/dialogue/commitments/{id}/status")
	String status(@PathVariable UUID id, @RequestParam(defaultValue = "-1") long version,
			@RequestParam(defaultValue = "") String status, @RequestParam(defaultValue = "") String statement,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		commitments.commitment(id);
		var typed = new Typed("status", Map.of("status", status, "statement", statement));
		return Forms.change("status", model, redirect, response, () -> {
			CommitmentStatus next = CommitmentStatus.parse(status)
					.orElseThrow(() -> new RuleViolationException("dialogue.error.choose-status"));
			Commitment changed = commitments.changeStatus(CurrentUser.require(), id, version, next, statement);
			return new Done("/dialogue/commitments/" + id, "dialogue.notice.status-changed", changed.status().label());
		}, () -> render(id, model, typed));
	}

	@PreAuthorize("hasRole('DIALOGUE_SECRETARIAT')")
	@PostMapping("/dialogue/commitments/{id}/score")
	String score(@PathVariable UUID id, @RequestParam(defaultValue = "-1") long version,
			@RequestParam(defaultValue = "") String score, @RequestParam(defaultValue = "") String statement,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		commitments.commitment(id);
		var typed = new Typed("score", Map.of("score", score, "statement", statement));
		return Forms.change("score", model, redirect, response, () -> {
			int value;
			try {
				value = Integer.parseInt(score.strip());
			}
			catch (NumberFormatException e) {
				throw new RuleViolationException("dialogue.error.score-range", Commitment.MIN_SCORE, Commitment.MAX_SCORE);
			}
			Commitment changed = commitments.rescore(CurrentUser.require(), id, version, value, statement);
			return new Done("/dialogue/commitments/" + id, "dialogue.notice.score-changed", changed.score());
		}, () -> render(id, model, typed));
	}

	@PreAuthorize("hasRole('DIALOGUE_SECRETARIAT')")
	@PostMapping("/dialogue/commitments/{id}/revise")
	String revise(@PathVariable UUID id, @RequestParam(defaultValue = "-1") long version,
			@RequestParam MultiValueMap<String, String> form, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		commitments.commitment(id);
		Multilingual text = Multilingual.read(form, "text");
		List<String> chosen = Forms.values(form, "party");
		String dueOn = Forms.field(form, "dueOn");
		var typed = new Typed("revise", Map.of("text-hy", text.hy(), "text-az", text.az(), "text-ru", text.ru(),
				"text-en", text.en(), "dueOn", dueOn, "parties", String.join(",", chosen)));
		return Forms.change("revise", model, redirect, response, () -> {
			commitments.revise(CurrentUser.require(), id, version, new Commitments.Revision(text.text(),
					Forms.optionalDate(dueOn, "dialogue.field.due-on"), ids(chosen)));
			return new Done("/dialogue/commitments/" + id, "dialogue.notice.revised");
		}, () -> render(id, model, typed));
	}

	@PreAuthorize("hasRole('DIALOGUE_SECRETARIAT')")
	@PostMapping("/dialogue/commitments/{id}/evidence")
	String evidence(@PathVariable UUID id, @RequestParam(defaultValue = "") String kind,
			@RequestParam(defaultValue = "") String reference, @RequestParam(defaultValue = "") String note,
			@RequestParam(defaultValue = "SECRETARIAT") String sharedWith,
			@RequestParam(name = "file", required = false) @Nullable MultipartFile file, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		commitments.commitment(id);
		var typed = new Typed("evidence", Map.of("kind", kind, "reference", reference, "note", note, "sharedWith",
				sharedWith));
		return Forms.change("evidence", model, redirect, response, () -> {
			EvidenceKind chosen = Forms.choice(EvidenceKind.class, kind, "dialogue.error.choose-evidence-kind");
			SharedWith shared = Forms.choice(SharedWith.class, sharedWith, "dialogue.error.choose-shared-with");
			commitments.addEvidence(CurrentUser.require(), id, new Commitments.NewEvidence(chosen, reference,
					Forms.blankToNull(note), shared, chosen == EvidenceKind.DOCUMENT ? Forms.upload(file) : null));
			return new Done("/dialogue/commitments/" + id + "#evidence", "dialogue.notice.evidence-added");
		}, () -> render(id, model, typed));
	}

	@PreAuthorize("hasRole('DIALOGUE_SECRETARIAT')")
	@PostMapping("/dialogue/commitments/{id}/claims/{claim}/statements")
	String statement(@PathVariable UUID id, @PathVariable UUID claim, @RequestParam(defaultValue = "") String party,
			@RequestParam(defaultValue = "") String text, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		requireClaimOf(id, claim);
		String form = "statement-" + claim;
		var typed = new Typed(form, Map.of("party", party, "text", text));
		return Forms.change(form, model, redirect, response, () -> {
			claims.addStatement(CurrentUser.require(), claim, Forms.uuid(party, "dialogue.error.choose-party"), text);
			return new Done("/dialogue/commitments/" + id + "#claim-" + claim, "dialogue.notice.statement-added");
		}, () -> render(id, model, typed));
	}

	@PreAuthorize("hasRole('OBSERVER')")
	@PostMapping("/dialogue/commitments/{id}/claims/{claim}/verify")
	String verify(@PathVariable UUID id, @PathVariable UUID claim, @RequestParam(defaultValue = "") String note,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		requireClaimOf(id, claim);
		String form = "verify-" + claim;
		var typed = new Typed(form, Map.of("note", note));
		return Forms.change(form, model, redirect, response, () -> {
			claims.verify(CurrentUser.require(), claim, Forms.blankToNull(note));
			return new Done("/dialogue/commitments/" + id + "#claim-" + claim, "dialogue.notice.verified");
		}, () -> render(id, model, typed));
	}

	@PreAuthorize("hasRole('OBSERVER')")
	@PostMapping("/dialogue/commitments/{id}/claims/{claim}/dispute")
	String dispute(@PathVariable UUID id, @PathVariable UUID claim, @RequestParam(defaultValue = "") String note,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		requireClaimOf(id, claim);
		String form = "dispute-" + claim;
		var typed = new Typed(form, Map.of("note", note));
		return Forms.change(form, model, redirect, response, () -> {
			claims.dispute(CurrentUser.require(), claim, note);
			return new Done("/dialogue/commitments/" + id + "#claim-" + claim, "dialogue.notice.disputed");
		}, () -> render(id, model, typed));
	}

	private void requireClaimOf(UUID commitment, UUID claim) {
		if (!claims.claim(claim).commitment().equals(commitment)) {
			throw new NotFoundException();
		}
	}

	private String renderNew(CommitmentForm form, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("meetings", meetings.meetings());
		model.addAttribute("parties", parties.parties());
		return "dialogue/commitment-new";
	}

	private String render(UUID id, Model model, Typed typed) {
		CurrentUser user = CurrentUser.require();
		Audience audience = Audience.of(user);
		Tracker.CommitmentRecord record = tracker.record(id, audience);
		Commitment commitment = record.tracked().commitment();
		model.addAttribute("record", record);
		model.addAttribute("c", commitment);
		model.addAttribute("partyNames", labels.parties());
		model.addAttribute("allParties", parties.parties());
		model.addAttribute("secretariat", user.has(Role.DIALOGUE_SECRETARIAT));
		model.addAttribute("observer", user.has(Role.OBSERVER));
		model.addAttribute("ruled", user.has(Role.OBSERVER) ? claims.ruledBy(user, id) : java.util.Set.of());
		model.addAttribute("mine", claims.madeBy(user, id));
		model.addAttribute("typed", typed);
		model.addAttribute("revise", typed.form().equals("revise")
				? new CommitmentForm("", new Multilingual(typed.value("revise", "text-hy"), typed.value("revise", "text-az"),
						typed.value("revise", "text-ru"), typed.value("revise", "text-en")),
						List.of(typed.value("revise", "parties").split(",")), typed.value("revise", "dueOn"))
				: new CommitmentForm("", Multilingual.of(commitment.text()),
						commitment.parties().stream().map(UUID::toString).toList(),
						commitment.dueOn() == null ? "" : commitment.dueOn().toString()));
		model.addAttribute("kinds", EvidenceKind.values());
		model.addAttribute("sharings", SharedWith.values());
		model.addAttribute("maxMegabytes", documents.maxMegabytes());
		model.addAttribute("today", commitments.today());
		return "dialogue/commitment";
	}

	static List<UUID> ids(List<String> typed) {
		return typed.stream().map(t -> Forms.uuid(t, "dialogue.error.choose-party")).toList();
	}
}
