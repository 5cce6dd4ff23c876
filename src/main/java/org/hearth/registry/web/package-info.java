/**
 * The registry's staff pages: search across scripts, a household, likely duplicates and their review, bulk import.
 */
@NullMarked
package org.hearth.registry.web;

import org.jspecify.annotations.NullMarked;
