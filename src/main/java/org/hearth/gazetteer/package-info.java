/**
 * Reference data: the region's districts and settlements with their names in every script both communities use,
 * found by any of them; and the world's countries named in the four languages. Loaded from CSV by a migration,
 * read-only at run time. API: {@link org.hearth.gazetteer.Gazetteer}, {@link org.hearth.gazetteer.Countries}.
 */
@NullMarked
@ApplicationModule(allowedDependencies = "shared")
package org.hearth.gazetteer;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
