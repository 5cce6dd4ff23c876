/**
 * The registry of displaced persons and households: names as written and in Latin, found under one key whatever
 * the script or romanisation, likely duplicates, and bulk import from CSV or XLSX. API:
 * {@link org.hearth.registry.Registry}.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "shared", "identity", "transparency" })
package org.hearth.registry;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
