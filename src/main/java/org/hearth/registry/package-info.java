/**
 * The registry of displaced persons and households: names as written and in Latin, found under one key whatever
 * the script or romanisation, and (to come) likely duplicates and bulk import. API: {@link org.hearth.registry.Registry}.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "shared", "identity", "transparency" })
package org.hearth.registry;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
