package org.hearth.dialogue.web;

import java.util.Arrays;
import java.util.UUID;

import org.hearth.dialogue.Commitment;
import org.hearth.dialogue.CommitmentStatus;
import org.hearth.dialogue.Parties;
import org.hearth.dialogue.Tracker;
import org.jspecify.annotations.Nullable;
import org.springframework.ui.Model;

/**
 * The list of commitments with its filters, as the public tracker and the staff's list both show it. A filter
 * that names nothing (an unknown status, party or score) filters nothing.
 */
final class TrackerPages {

	private TrackerPages() {
	}

	static void list(Tracker tracker, Parties parties, String status, String party, String score, Model model) {
		CommitmentStatus chosen = CommitmentStatus.parse(status).orElse(null);
		UUID partyId = Forms.idOrNull(party);
		if (partyId != null && parties.find(partyId).isEmpty()) {
			partyId = null;
		}
		Integer scored = score(score);
		model.addAttribute("rows", tracker.commitments(new Tracker.Filter(chosen, partyId, scored)));
		model.addAttribute("statuses", CommitmentStatus.values());
		java.util.List<Parties.Party> all = parties.parties();
		java.util.Map<UUID, Parties.Party> byId = new java.util.HashMap<>();
		all.forEach(p -> byId.put(p.id(), p));
		model.addAttribute("parties", all);
		model.addAttribute("partyNames", byId);
		model.addAttribute("status", chosen == null ? "" : chosen.name());
		model.addAttribute("party", partyId == null ? "" : partyId.toString());
		model.addAttribute("score", scored == null ? "" : scored.toString());
		model.addAttribute("scores", Arrays.asList(0, 1, 2, 3));
	}

	private static @Nullable Integer score(String text) {
		try {
			int value = Integer.parseInt(text.strip());
			return value >= Commitment.MIN_SCORE && value <= Commitment.MAX_SCORE ? value : null;
		}
		catch (NumberFormatException e) {
			return null;
		}
	}
}
