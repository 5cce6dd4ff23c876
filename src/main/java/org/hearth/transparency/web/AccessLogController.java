package org.hearth.transparency.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hearth.identity.AccountId;
import org.hearth.identity.Accounts;
import org.hearth.platform.DisplayZone;
import org.hearth.transparency.AccessLog;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The data protection officer's view of every access to people's records, with the staff account behind each. */
@Controller
@PreAuthorize("hasRole('DATA_PROTECTION_OFFICER')")
class AccessLogController {

	private final AccessLog log;
	private final Accounts accounts;
	private final ZoneId zone;

	AccessLogController(AccessLog log, Accounts accounts, DisplayZone zone) {
		this.log = log;
		this.accounts = accounts;
		this.zone = zone.zone();
	}

	@GetMapping("/access-log")
	String accessLog(@RequestParam(defaultValue = "") String staff, @RequestParam(defaultValue = "") String office,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "") String subject, @RequestParam(defaultValue = "0") int page, Model model) {
		UUID account = null;
		boolean unknownStaff = false;
		if (!staff.isBlank()) {
			account = accounts.byEmail(staff).map(AccountId::id).orElse(null);
			unknownStaff = account == null;
		}
		UUID subjectId = parseUuid(subject);
		List<AccessLog.FullAccess> found = unknownStaff ? List.of()
				: log.search(new AccessLog.Filter(account, office.isBlank() ? null : office,
						from == null ? null : from.atStartOfDay(zone).toInstant(),
						to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant(), subjectId), page);
		boolean more = found.size() > AccessLog.PAGE_SIZE;
		List<AccessLog.FullAccess> shown = more ? found.subList(0, AccessLog.PAGE_SIZE) : found;
		Map<AccountId, String> emails = accounts.emails(shown.stream().map(a -> new AccountId(a.account())).toList());
		model.addAttribute("entries", shown.stream()
				.map(a -> new Row(a, emails.getOrDefault(new AccountId(a.account()), a.account().toString()))).toList());
		model.addAttribute("staff", staff);
		model.addAttribute("office", office);
		model.addAttribute("from", from == null ? "" : from.toString());
		model.addAttribute("to", to == null ? "" : to.toString());
		model.addAttribute("subject", subject);
		model.addAttribute("unknownStaff", unknownStaff);
		model.addAttribute("page", page);
		model.addAttribute("more", more);
		return "transparency/access-log";
	}

	record Row(AccessLog.FullAccess access, String staffEmail) {
	}

	private static UUID parseUuid(String text) {
		try {
			return text.isBlank() ? null : UUID.fromString(text.strip());
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}
}
