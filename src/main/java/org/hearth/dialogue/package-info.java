/**
 * Dialogue and commitments: the meetings of the talks between the government and the representatives of the
 * region's residents, with their participants, outcomes and documents; working groups; the parties; and the
 * commitments the talks produce, each with its responsible parties, due date, status, implementation score (as in
 * the Peace Accords Matrix), evidence and full history. Every change of a status or a score is a claim that
 * observers verify or dispute, and to which the parties add their statements; the public tracker shows all of it,
 * never a participant's name. API: {@link org.hearth.dialogue.Tracker} for reading (the public tracker and the
 * observer's workspace), {@link org.hearth.dialogue.Commitments}, {@link org.hearth.dialogue.Claims},
 * {@link org.hearth.dialogue.Meetings}, {@link org.hearth.dialogue.WorkingGroups} and
 * {@link org.hearth.dialogue.Parties} for the changes.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "shared", "platform", "identity", "gazetteer" })
package org.hearth.dialogue;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
