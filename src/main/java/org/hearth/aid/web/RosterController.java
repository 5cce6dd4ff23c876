package org.hearth.aid.web;

import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.hearth.aid.Facilities;
import org.hearth.aid.Roster;
import org.hearth.aid.Roster.Slot;
import org.hearth.aid.Shift;
import org.hearth.aid.StaffRole;
import org.hearth.identity.CurrentUser;
import org.hearth.platform.Dates;
import org.hearth.shared.Languages;
import org.hearth.shared.RuleViolationException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The field hospital's roster for aid coordinators: coverage of the next fourteen days with every gap marked and
 * listed, the minimums per shift, the members, and each shift's staff. A refused change comes back with status 422
 * on the same page, its message beside its form and what was typed still in it.
 */
@Controller
@PreAuthorize("hasRole('AID_COORDINATOR')")
class RosterController {

	/** Days the coverage page shows, and how far its previous and next links move. */
	static final int DAYS = 14;

	private final Roster roster;
	private final Dates dates;

	RosterController(Roster roster, Dates dates) {
		this.roster = roster;
		this.dates = dates;
	}

	/** What was typed into the form for a new member. */
	record MemberForm(String name, String role, List<String> languages) {

		static final MemberForm EMPTY = new MemberForm("", "", List.of());
	}

	/** A shift as the pages show it: its coverage, its weekday and date in words, and whether it is past. */
	record Row(Roster.ShiftCoverage coverage, String weekday, String date, boolean past) {
	}

	@GetMapping("/aid/roster")
	String coverage(@RequestParam(required = false) @Nullable UUID facility,
			@RequestParam(defaultValue = "") String from, Locale locale, Model model) {
		if (facility == null) {
			model.addAttribute("hospitals", roster.fieldHospitals());
			return "aid/roster-hospitals";
		}
		return renderCoverage(roster.facility(facility), from.isBlank() ? roster.today() : Forms.date(from), locale,
				model, null);
	}

	@PostMapping("/aid/roster/minimums")
	String minimums(@RequestParam UUID facility, @RequestParam(defaultValue = "") String from,
			@RequestParam Map<String, String> fields, Locale locale, Model model, RedirectAttributes redirect) {
		Facilities.Facility f = roster.facility(facility);
		LocalDate start = from.isBlank() ? roster.today() : Forms.date(from);
		Map<String, String> typed = new HashMap<>();
		for (StaffRole role : StaffRole.values()) {
			typed.put(role.name(), fields.getOrDefault("min-" + role.name(), "").strip());
		}
		return Forms.change("minimums", model, redirect, coverageUrl(facility, start) + "#minimums", () -> {
			Map<StaffRole, Integer> minimums = new EnumMap<>(StaffRole.class);
			for (StaffRole role : StaffRole.values()) {
				String value = typed.get(role.name());
				minimums.put(role, value.isEmpty() ? 0 : minimum(value));
			}
			roster.setMinimums(CurrentUser.require(), facility, minimums);
			return Forms.Notice.of("aid.roster.notice.minimums");
		}, () -> renderCoverage(f, start, locale, model, typed));
	}

	@GetMapping("/aid/roster/members")
	String members(@RequestParam UUID facility, Model model) {
		return renderMembers(roster.facility(facility), model, null);
	}

	@PostMapping("/aid/roster/members")
	String addMember(@RequestParam UUID facility, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "") String role,
			@RequestParam(name = "languages", required = false) @Nullable List<String> languages, Model model,
			RedirectAttributes redirect) {
		Facilities.Facility f = roster.facility(facility);
		var form = new MemberForm(name, role, languages == null ? List.of() : List.copyOf(languages));
		return Forms.change("add", model, redirect, membersUrl(facility), () -> {
			Roster.Member added = roster.add(CurrentUser.require(), facility,
					new Roster.NewMember(form.name(), Forms.choice(StaffRole.class, form.role()), form.languages()));
			return Forms.Notice.of("aid.roster.notice.added", added.name());
		}, () -> renderMembers(f, model, form));
	}

	@PostMapping("/aid/roster/members/{member}/deactivate")
	String deactivate(@PathVariable UUID member, Model model, RedirectAttributes redirect) {
		Roster.Member m = roster.member(member);
		Facilities.Facility f = roster.facility(m.facility());
		return Forms.change("members", model, redirect, membersUrl(f.id()), () -> {
			Roster.Deactivated done = roster.deactivate(CurrentUser.require(), member);
			return Forms.Notice.of("aid.roster.notice.deactivated", done.member().name(), done.shiftsLeft());
		}, () -> renderMembers(f, model, null));
	}

	@PostMapping("/aid/roster/members/{member}/reactivate")
	String reactivate(@PathVariable UUID member, Model model, RedirectAttributes redirect) {
		Roster.Member m = roster.member(member);
		Facilities.Facility f = roster.facility(m.facility());
		return Forms.change("members", model, redirect, membersUrl(f.id()), () -> {
			Roster.Member done = roster.reactivate(CurrentUser.require(), member);
			return Forms.Notice.of("aid.roster.notice.reactivated", done.name());
		}, () -> renderMembers(f, model, null));
	}

	@GetMapping("/aid/roster/shift")
	String shift(@RequestParam UUID facility, @RequestParam(defaultValue = "") String day,
			@RequestParam(defaultValue = "") String shift, Locale locale, Model model) {
		return renderShift(roster.facility(facility), slot(day, shift), locale, model, null);
	}

	@PostMapping("/aid/roster/assign")
	String assign(@RequestParam UUID facility, @RequestParam(defaultValue = "") String day,
			@RequestParam(defaultValue = "") String shift, @RequestParam(defaultValue = "") String member,
			Locale locale, Model model, RedirectAttributes redirect) {
		Facilities.Facility f = roster.facility(facility);
		Slot slot = slot(day, shift);
		return Forms.change("assign", model, redirect, shiftUrl(facility, slot), () -> {
			if (member.isBlank()) {
				throw new RuleViolationException("aid.error.roster-choose-member");
			}
			UUID chosen = Forms.uuid(member, "aid.error.roster-choose-member");
			roster.assign(CurrentUser.require(), facility, slot, chosen);
			return Forms.Notice.of("aid.roster.notice.assigned", roster.member(chosen).name());
		}, () -> renderShift(f, slot, locale, model, member.strip()));
	}

	@PostMapping("/aid/roster/unassign")
	String unassign(@RequestParam UUID facility, @RequestParam(defaultValue = "") String day,
			@RequestParam(defaultValue = "") String shift, @RequestParam UUID member, Locale locale, Model model,
			RedirectAttributes redirect) {
		Facilities.Facility f = roster.facility(facility);
		Slot slot = slot(day, shift);
		return Forms.change("unassign", model, redirect, shiftUrl(facility, slot), () -> {
			roster.unassign(CurrentUser.require(), facility, slot, member);
			return Forms.Notice.of("aid.roster.notice.unassigned", roster.member(member).name());
		}, () -> renderShift(f, slot, locale, model, null));
	}

	private String renderCoverage(Facilities.Facility facility, LocalDate from, Locale locale, Model model,
			@Nullable Map<String, String> typed) {
		LocalDate today = roster.today();
		List<Row> rows = rows(roster.coverage(facility.id(), from, DAYS), today, locale);
		Map<StaffRole, Integer> minimums = roster.minimums(facility.id());
		List<StaffRole> columns = new ArrayList<>();
		for (StaffRole role : StaffRole.values()) {
			if (minimums.get(role) > 0) {
				columns.add(role);
			}
		}
		Map<String, String> form = new HashMap<>();
		minimums.forEach((role, minimum) -> form.put(role.name(), String.valueOf(minimum)));
		model.addAttribute("facility", facility);
		model.addAttribute("from", from);
		model.addAttribute("to", from.plusDays(DAYS - 1));
		model.addAttribute("days", DAYS);
		model.addAttribute("isToday", from.equals(today));
		model.addAttribute("previous", coverageUrl(facility.id(), from.minusDays(DAYS)));
		model.addAttribute("next", coverageUrl(facility.id(), from.plusDays(DAYS)));
		model.addAttribute("todayUrl", coverageUrl(facility.id(), today));
		model.addAttribute("rows", rows);
		model.addAttribute("gaps", rows.stream().filter(r -> r.coverage().hasGaps()).toList());
		model.addAttribute("columns", columns);
		model.addAttribute("roles", StaffRole.values());
		model.addAttribute("shiftLanguages", roster.shiftLanguages());
		model.addAttribute("minimumsForm", typed != null ? typed : form);
		return "aid/roster";
	}

	private String renderMembers(Facilities.Facility facility, Model model, @Nullable MemberForm form) {
		model.addAttribute("facility", facility);
		model.addAttribute("members", roster.members(facility.id()));
		model.addAttribute("roles", StaffRole.values());
		model.addAttribute("languages", Languages.CODES);
		model.addAttribute("memberForm", form != null ? form : MemberForm.EMPTY);
		model.addAttribute("coverageUrl", coverageUrl(facility.id(), roster.today()));
		return "aid/roster-members";
	}

	private String renderShift(Facilities.Facility facility, Slot slot, Locale locale, Model model,
			@Nullable String chosen) {
		LocalDate today = roster.today();
		Row row = rows(List.of(roster.coverage(facility.id(), slot)), today, locale).get(0);
		model.addAttribute("facility", facility);
		model.addAttribute("row", row);
		model.addAttribute("slot", slot);
		model.addAttribute("candidates", roster.candidates(facility.id(), slot));
		model.addAttribute("chosen", chosen == null ? "" : chosen);
		boolean shown = !slot.day().isBefore(today) && slot.day().isBefore(today.plusDays(DAYS));
		model.addAttribute("coverageUrl", coverageUrl(facility.id(), shown ? today : slot.day()));
		return "aid/roster-shift";
	}

	private List<Row> rows(List<Roster.ShiftCoverage> coverage, LocalDate today, Locale locale) {
		return coverage.stream().map(c -> {
			LocalDate day = c.slot().day();
			return new Row(c, day.getDayOfWeek().getDisplayName(TextStyle.FULL_STANDALONE, locale),
					dates.date(day, locale), day.isBefore(today));
		}).toList();
	}

	/** A minimum as typed: a whole number, spaces allowed; its range is the roster's to check. */
	private static int minimum(String value) {
		try {
			return Integer.parseInt(value.replaceAll("[\\s\u00a0\u202f]", ""));
		}
		catch (NumberFormatException e) {
			throw new RuleViolationException("aid.error.roster-minimum", Roster.MAX_MINIMUM);
		}
	}

	private static Slot slot(String day, String shift) {
		return new Slot(Forms.date(day), Forms.choice(Shift.class, shift));
	}

	static String coverageUrl(UUID facility, LocalDate from) {
		return UriComponentsBuilder.fromPath("/aid/roster").queryParam("facility", facility)
				.queryParam("from", from).build().toUriString();
	}

	static String membersUrl(UUID facility) {
		return UriComponentsBuilder.fromPath("/aid/roster/members").queryParam("facility", facility).build()
				.toUriString();
	}

	static String shiftUrl(UUID facility, Slot slot) {
		return UriComponentsBuilder.fromPath("/aid/roster/shift").queryParam("facility", facility)
				.queryParam("day", slot.day()).queryParam("shift", slot.shift()).build().toUriString();
	}
}
