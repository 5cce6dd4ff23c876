/**
 * Housing officers' and supervisors' pages: settlements and their readiness, mine action and its import, units,
 * allocation rounds with their explanations, offers; and the public page of the rounds with their files.
 */
@NullMarked
package org.hearth.housing.web;

import org.jspecify.annotations.NullMarked;
