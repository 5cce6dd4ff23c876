/**
 * Flyway's Java migrations of the gazetteer module. Flyway finds Java migrations for the location
 * {@code classpath:db/migration/gazetteer} only in this package, hence its place outside {@code org.hearth}.
 */
@NullMarked
package db.migration.gazetteer;

import org.jspecify.annotations.NullMarked;
