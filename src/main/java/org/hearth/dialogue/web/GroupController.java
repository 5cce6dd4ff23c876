package org.hearth.dialogue.web;

import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.hearth.dialogue.Audience;
import org.hearth.dialogue.Meetings;
import org.hearth.dialogue.WorkingGroups;
import org.hearth.dialogue.web.Forms.Done;
import org.hearth.dialogue.web.Forms.Multilingual;
import org.hearth.identity.CurrentUser;
import org.hearth.identity.Role;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Working groups: the list and a new group, one group with its mandate, members (names for the secretariat only)
 * and meetings; its correction, members joining and leaving.
 */
@Controller
class GroupController {

	private final WorkingGroups groups;
	private final Meetings meetings;

	GroupController(WorkingGroups groups, Meetings meetings) {
		this.groups = groups;
		this.meetings = meetings;
	}

	record GroupForm(Multilingual name, Multilingual mandate) {

		static final GroupForm EMPTY = new GroupForm(Multilingual.EMPTY, Multilingual.EMPTY);

		static GroupForm read(MultiValueMap<String, String> form) {
			return new GroupForm(Multilingual.read(form, "name"), Multilingual.read(form, "mandate"));
		}
	}

	record Typed(String form, Map<String, String> fields) {

		static final Typed NONE = new Typed("", Map.of());

		public String value(String name, String field) {
			return form.equals(name) ? fields.getOrDefault(field, "") : "";
		}
	}

	@PreAuthorize("hasAnyRole('DIALOGUE_SECRETARIAT', 'OBSERVER')")
	@GetMapping("/dialogue/groups")
	String list(Model model) {
		return renderList(GroupForm.EMPTY, model);
	}

	@PreAuthorize("hasRole('DIALOGUE_SECRETARIAT')")
	@PostMapping("/dialogue/groups")
	String create(@RequestParam MultiValueMap<String, String> form, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		GroupForm typed = GroupForm.read(form);
		return Forms.change("group", model, redirect, response, () -> {
			WorkingGroups.WorkingGroup created = groups.create(CurrentUser.require(), typed.name().text(),
					typed.mandate().text());
			return new Done("/dialogue/groups/" + created.id(), "dialogue.notice.group-created");
		}, () -> renderList(typed, model));
	}

	@PreAuthorize("hasAnyRole('DIALOGUE_SECRETARIAT', 'OBSERVER')")
	@GetMapping("/dialogue/groups/{id}")
	String show(@PathVariable UUID id, Model model) {
		WorkingGroups.WorkingGroup group = groups.group(id);
		return render(group, new GroupForm(Multilingual.of(group.name()), Multilingual.of(group.mandate())), Typed.NONE,
				model);
	}

	@PreAuthorize("hasRole('DIALOGUE_SECRETARIAT')")
	@PostMapping("/dialogue/groups/{id}")
	String update(@PathVariable UUID id, @RequestParam(defaultValue = "-1") long version,
			@RequestParam MultiValueMap<String, String> form, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		WorkingGroups.WorkingGroup group = groups.group(id);
		GroupForm typed = GroupForm.read(form);
		return Forms.change("group", model, redirect, response, () -> {
			groups.update(CurrentUser.require(), id, version, typed.name().text(), typed.mandate().text());
			return new Done("/dialogue/groups/" + id, "dialogue.notice.group-updated");
		}, () -> render(group, typed, Typed.NONE, model));
	}

	@PreAuthorize("hasRole('DIALOGUE_SECRETARIAT')")
	@PostMapping("/dialogue/groups/{id}/members")
	String member(@PathVariable UUID id, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "") String affiliation, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		WorkingGroups.WorkingGroup group = groups.group(id);
		var typed = new Typed("member", Map.of("name", name, "affiliation", affiliation));
		return Forms.change("member", model, redirect, response, () -> {
			groups.addMember(CurrentUser.require(), id, name, affiliation);
			return new Done("/dialogue/groups/" + id + "#members", "dialogue.notice.member-added");
		}, () -> render(group, new GroupForm(Multilingual.of(group.name()), Multilingual.of(group.mandate())), typed,
				model));
	}

	@PreAuthorize("hasRole('DIALOGUE_SECRETARIAT')")
	@PostMapping("/dialogue/groups/{id}/members/{member}/remove")
	String removeMember(@PathVariable UUID id, @PathVariable UUID member, RedirectAttributes redirect) {
		groups.removeMember(CurrentUser.require(), id, member);
		redirect.addFlashAttribute("notice", "dialogue.notice.member-removed");
		return "redirect:/dialogue/groups/" + id + "#members";
	}

	private String renderList(GroupForm form, Model model) {
		model.addAttribute("groups", groups.groups());
		model.addAttribute("form", form);
		model.addAttribute("secretariat", CurrentUser.require().has(Role.DIALOGUE_SECRETARIAT));
		return "dialogue/groups";
	}

	private String render(WorkingGroups.WorkingGroup group, GroupForm form, Typed typed, Model model) {
		CurrentUser user = CurrentUser.require();
		model.addAttribute("group", group);
		model.addAttribute("form", form);
		model.addAttribute("typed", typed);
		model.addAttribute("members", groups.members(group.id(), Audience.of(user)));
		model.addAttribute("meetings", meetings.ofGroup(group.id()));
		model.addAttribute("secretariat", user.has(Role.DIALOGUE_SECRETARIAT));
		return "dialogue/group";
	}
}
