package org.hearth.dialogue.web;

import java.text.Collator;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.hearth.dialogue.Meetings;
import org.hearth.dialogue.Parties;
import org.hearth.gazetteer.Gazetteer;
import org.hearth.gazetteer.SettlementId;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Places and parties as the dialogue pages name them, in the reader's language. Public for the templates (as
 * dialogueLabels) only.
 */
@Component("dialogueLabels")
public class Labels {

	private final Gazetteer gazetteer;
	private final Parties parties;
	private final MessageSource messages;

	Labels(Gazetteer gazetteer, Parties parties, MessageSource messages) {
		this.gazetteer = gazetteer;
		this.parties = parties;
		this.messages = messages;
	}

	/** A choice of a select. */
	record Option(String id, String label) {
	}

	/** Where a meeting was held: its settlement's name and district, the place as written, or online. */
	public String place(Meetings.Meeting meeting, Locale locale) {
		if (meeting.settlement() != null) {
			return gazetteer.find(meeting.settlement())
					.map(s -> gazetteer.label(new SettlementId(meeting.settlement()), locale))
					.orElse(meeting.settlement());
		}
		return meeting.place() != null ? meeting.place()
				: messages.getMessage("dialogue.format." + meeting.format().name(), null, locale);
	}

	/** Every settlement, for a select, in the reader's alphabetical order. */
	List<Option> settlements(Locale locale) {
		return gazetteer.settlements().stream()
				.map(s -> new Option(s.id().id(), gazetteer.label(s.id(), locale)))
				.sorted(Comparator.comparing(Option::label, Collator.getInstance(locale))).toList();
	}

	/** The parties by id, for naming them on a page. */
	Map<UUID, Parties.Party> parties() {
		Map<UUID, Parties.Party> byId = new HashMap<>();
		parties.parties().forEach(p -> byId.put(p.id(), p));
		return byId;
	}
}
