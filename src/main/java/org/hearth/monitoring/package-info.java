/**
 * Third-party monitoring of the ceasefire and of religious and cultural heritage: incidents with their source and a
 * verification status only observers set, heritage sites named in the four languages with dated, append-only
 * condition assessments and their photos, observer visits, and observers' findings. The public sees counts of
 * incidents and the sites' latest condition, never a description, a source or a person. Depends on aid only to
 * check and name the facilities an incident concerns.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "shared", "platform", "identity", "gazetteer", "aid" })
package org.hearth.monitoring;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
