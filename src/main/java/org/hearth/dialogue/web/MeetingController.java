package org.hearth.dialogue.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.hearth.dialogue.Audience;
import org.hearth.dialogue.Commitments;
import org.hearth.dialogue.Documents;
import org.hearth.dialogue.MeetingFormat;
import org.hearth.dialogue.Meetings;
import org.hearth.dialogue.SharedWith;
import org.hearth.dialogue.Tracker;
import org.hearth.dialogue.WorkingGroups;
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
 * Meetings: the list, a new meeting and its correction, one meeting with its participants (names for the
 * secretariat only), documents (those the reader may open), the commitments it produced; adding participants and
 * documents. Observers read; the secretariat records.
 */
@Controller
class MeetingController {

	private final Meetings meetings;
	private final WorkingGroups groups;
	private final Commitments commitments;
	private final Tracker tracker;
	private final Documents documents;
	private final Labels labels;

	MeetingController(Meetings meetings, WorkingGroups groups, Commitments commitments, Tracker tracker,
			Documents documents, Labels labels) {
		this.meetings = meetings;
		this.groups = groups;
		this.commitments = commitments;
		this.tracker = tracker;
		this.documents = documents;
		this.labels = labels;
	}

	record MeetingForm(String workingGroup, String startsOn, String endsOn, String settlement, String place,
			String format, String agenda, Multilingual outcome) {

		static MeetingForm read(MultiValueMap<String, String> form) {
			return new MeetingForm(Forms.field(form, "workingGroup"), Forms.field(form, "startsOn"),
					Forms.field(form, "endsOn"), Forms.field(form, "settlement"), Forms.field(form, "place"),
					Forms.field(form, "format"), Forms.field(form, "agenda"), Multilingual.read(form, "outcome"));
		}

		static MeetingForm of(Meetings.Meeting m) {
			return new MeetingForm(m.workingGroup() == null ? "" : m.workingGroup().toString(), m.startsOn().toString(),
					m.endsOn() == null ? "" : m.endsOn().toString(), m.settlement() == null ? "" : m.settlement(),
					m.place() == null ? "" : m.place(), m.format().name(), m.agenda(), Multilingual.of(m.outcome()));
		}

		Meetings.Details details() {
			LocalDate starts = Forms.date(startsOn, "dialogue.field.starts-on");
			LocalDate ends = Forms.optionalDate(endsOn, "dialogue.field.ends-on");
			MeetingFormat chosen = Forms.choice(MeetingFormat.class, format, "dialogue.error.choose-format");
			return new Meetings.Details(Forms.optionalUuid(workingGroup, "dialogue.error.choose-group"), starts, ends,
					Forms.blankToNull(settlement), Forms.blankToNull(place), chosen, agenda, outcome.text());
		}
	}

	/** What was typed into the participant or document form of a meeting's page. */
	record Typed(String form, Map<String, String> fields) {

		static final Typed NONE = new Typed("", Map.of());

		public String value(String name, String field) {
			return form.equals(name) ? fields.getOrDefault(field, "") : "";
		}
	}

	@PreAuthorize("hasAnyRole('DIALOGUE_SECRETARIAT', 'OBSERVER')")
	@GetMapping("/dialogue/meetings")
	String list(Model model) {
		model.addAttribute("meetings", meetings.meetings());
		model.addAttribute("groups", groups.groups());
		return "dialogue/meetings";
	}

	@PreAuthorize("hasRole('DIALOGUE_SECRETARIAT')")
	@GetMapping("/dialogue/meetings/new")
	String blank(@RequestParam(defaultValue = "") String group, Locale locale, Model model) {
		return renderForm(null, new MeetingForm(group, "", "", "", "", "IN_PERSON", "", Multilingual.EMPTY), locale,
				model);
	}

	@PreAuthorize("hasRole('DIALOGUE_SECRETARIAT')")
	@PostMapping("/dialogue/meetings")
	String create(@RequestParam MultiValueMap<String, String> form, Locale locale, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		MeetingForm typed = MeetingForm.read(form);
		return Forms.change("meeting", model, redirect, response, () -> {
			Meetings.Meeting created = meetings.create(CurrentUser.require(), typed.details());
			return new Done("/dialogue/meetings/" + created.id(), "dialogue.notice.meeting-created");
		}, () -> renderForm(null, typed, locale, model));
	}

	@PreAuthorize("hasAnyRole('DIALOGUE_SECRETARIAT', 'OBSERVER')")
	@GetMapping("/dialogue/meetings/{id}")
	String show(@PathVariable UUID id, Model model) {
		return render(id, model, Typed.NONE);
	}

	@PreAuthorize("hasRole('DIALOGUE_SECRETARIAT')")
	@GetMapping("/dialogue/meetings/{id}/edit")
	String edit(@PathVariable UUID id, Locale locale, Model model) {
		Meetings.Meeting meeting = meetings.meeting(id);
		return renderForm(meeting, MeetingForm.of(meeting), locale, model);
	}

	@PreAuthorize("hasRole('DIALOGUE_SECRETARIAT')")
	@PostMapping("/dialogue/meetings/{id}")
	String update(@PathVariable UUID id, @RequestParam(defaultValue = "-1") long version,
			@RequestParam MultiValueMap<String, String> form, Locale locale, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		Meetings.Meeting meeting = meetings.meeting(id);
		MeetingForm typed = MeetingForm.read(form);
		return Forms.change("meeting", model, redirect, response, () -> {
			meetings.update(CurrentUser.require(), id, version, typed.details());
			return new Done("/dialogue/meetings/" + id, "dialogue.notice.meeting-updated");
		}, () -> renderForm(meeting, typed, locale, model));
	}

	@PreAuthorize("hasRole('DIALOGUE_SECRETARIAT')")
	@PostMapping("/dialogue/meetings/{id}/participants")
	String participant(@PathVariable UUID id, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "") String affiliation, @RequestParam(defaultValue = "") String role,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		meetings.meeting(id);
		var typed = new Typed("participant", Map.of("name", name, "affiliation", affiliation, "role", role));
		return Forms.change("participant", model, redirect, response, () -> {
			meetings.addParticipant(CurrentUser.require(), id, name, affiliation, role);
			return new Done("/dialogue/meetings/" + id + "#participants", "dialogue.notice.participant-added");
		}, () -> render(id, model, typed));
	}

	@PreAuthorize("hasRole('DIALOGUE_SECRETARIAT')")
	@PostMapping("/dialogue/meetings/{id}/participants/{participant}/remove")
	String removeParticipant(@PathVariable UUID id, @PathVariable UUID participant, RedirectAttributes redirect) {
		meetings.removeParticipant(CurrentUser.require(), id, participant);
		redirect.addFlashAttribute("notice", "dialogue.notice.participant-removed");
		return "redirect:/dialogue/meetings/" + id + "#participants";
	}

	@PreAuthorize("hasRole('DIALOGUE_SECRETARIAT')")
	@PostMapping("/dialogue/meetings/{id}/documents")
	String document(@PathVariable UUID id, @RequestParam(defaultValue = "") String kind,
			@RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "SECRETARIAT") String sharedWith,
			@RequestParam(name = "file", required = false) @Nullable MultipartFile file, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		meetings.meeting(id);
		var typed = new Typed("document", Map.of("kind", kind, "title", title, "sharedWith", sharedWith));
		return Forms.change("document", model, redirect, response, () -> {
			Meetings.DocumentKind chosen = Forms.choice(Meetings.DocumentKind.class, kind,
					"dialogue.error.choose-document-kind");
			SharedWith shared = Forms.choice(SharedWith.class, sharedWith, "dialogue.error.choose-shared-with");
			Documents.Upload upload = Forms.upload(file);
			if (upload == null) {
				throw new RuleViolationException("dialogue.error.choose-file");
			}
			meetings.addDocument(CurrentUser.require(), id, new Meetings.NewDocument(chosen, title, shared, upload));
			return new Done("/dialogue/meetings/" + id + "#documents", "dialogue.notice.document-added");
		}, () -> render(id, model, typed));
	}

	/** A document of a meeting or a piece of evidence, if the reader may open it; 404 otherwise. */
	@PreAuthorize("hasAnyRole('DIALOGUE_SECRETARIAT', 'OBSERVER')")
	@GetMapping("/dialogue/documents/{document}")
	void download(@PathVariable UUID document, HttpServletResponse response) throws IOException {
		Downloads.send(documents, documents.find(document, Audience.of(CurrentUser.require()))
				.orElseThrow(NotFoundException::new), response);
	}

	private String renderForm(Meetings.@Nullable Meeting meeting, MeetingForm form, Locale locale, Model model) {
		model.addAttribute("meeting", meeting);
		model.addAttribute("form", form);
		model.addAttribute("formats", MeetingFormat.values());
		model.addAttribute("groups", groups.groups());
		model.addAttribute("settlements", labels.settlements(locale));
		return "dialogue/meeting-form";
	}

	private String render(UUID id, Model model, Typed typed) {
		CurrentUser user = CurrentUser.require();
		Meetings.Meeting meeting = meetings.meeting(id);
		model.addAttribute("m", tracker.meeting(meeting, Audience.of(user)));
		model.addAttribute("group", meeting.workingGroup() == null ? null : groups.group(meeting.workingGroup()));
		model.addAttribute("commitments", commitments.ofMeeting(id));
		model.addAttribute("secretariat", user.has(Role.DIALOGUE_SECRETARIAT));
		model.addAttribute("typed", typed);
		model.addAttribute("documentKinds", Meetings.DocumentKind.values());
		model.addAttribute("sharings", SharedWith.values());
		model.addAttribute("maxMegabytes", documents.maxMegabytes());
		return "dialogue/meeting";
	}
}
