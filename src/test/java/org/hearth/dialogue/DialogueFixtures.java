package org.hearth.dialogue;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.hearth.identity.CurrentUser;
import org.hearth.identity.Role;
import org.hearth.identity.TestUsers;
import org.hearth.shared.LocalizedText;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Parties, meetings and commitments of the tests' own, and the people who change them. */
@Component
public class DialogueFixtures {

	private final TestUsers users;
	private final Parties parties;
	private final Meetings meetings;
	private final Commitments commitments;

	DialogueFixtures(TestUsers users, Parties parties, Meetings meetings, Commitments commitments) {
		this.users = users;
		this.parties = parties;
		this.meetings = meetings;
		this.commitments = commitments;
	}

	public CurrentUser secretariat() {
		return users.demo("dialogue@hearth.demo");
	}

	public CurrentUser newSecretariat() {
		return users.newStaff(Set.of(Role.DIALOGUE_SECRETARIAT), "KHA");
	}

	public CurrentUser observer() {
		return users.demo("observer@hearth.demo");
	}

	public CurrentUser newObserver() {
		return users.newStaff(Set.of(Role.OBSERVER), "KHA");
	}

	/** The same text in each language, marked with the language so that the tests can tell them apart. */
	public static LocalizedText four(String text) {
		return LocalizedText.of("hy: " + text, "az: " + text, "ru: " + text, text);
	}

	public UUID party(String name) {
		return parties.create(secretariat(), four(name + " " + UUID.randomUUID())).id();
	}

	public static Meetings.Details details(LocalDate on, @Nullable LocalDate ends) {
		return new Meetings.Details(null, on, ends, "xankendi", null, MeetingFormat.IN_PERSON, "Humanitarian needs",
				four("The delegations agreed on deliveries."));
	}

	public Meetings.Meeting meeting(LocalDate on) {
		return meetings.create(secretariat(), details(on, null));
	}

	/** A proposed commitment of a new meeting on 1 October 2023, due on {@code due}, of a new party. */
	public Commitment commitment(@Nullable LocalDate due) {
		return commitments.create(secretariat(), new Commitments.NewCommitment(meeting(LocalDate.of(2023, 10, 1)).id(),
				four("Deliveries of fuel to schools " + UUID.randomUUID()), List.of(party("Government")), due));
	}

	public Commitment commitment() {
		return commitment(null);
	}
}
