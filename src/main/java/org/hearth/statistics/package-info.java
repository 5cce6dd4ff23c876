/**
 * Public statistics and open data: dated releases of tables built from the other modules' counts, every count of
 * people or of what happened to them passed through small-cell suppression before it is stored, so that no page,
 * chart, CSV or JSON can show what a release does not hold; population figures from outside the system with their
 * sources. Nothing depends on this module.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "shared", "platform", "identity", "gazetteer", "applications", "housing",
		"aid", "dialogue", "monitoring" })
package org.hearth.statistics;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
