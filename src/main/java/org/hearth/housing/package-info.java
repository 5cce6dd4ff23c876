/**
 * The Great Return's housing: settlements and their readiness, mine-action areas, housing units, the households
 * admitted to the programme, allocation rounds, offers and moving in. The rule the module exists to keep: a unit in
 * an area that is not released is never offered or allocated (enforced here and by the database).
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "shared", "platform", "identity", "gazetteer", "registry", "applications",
		"services", "transparency" })
package org.hearth.housing;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
