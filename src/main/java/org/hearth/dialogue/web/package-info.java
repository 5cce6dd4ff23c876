/**
 * The dialogue pages: the secretariat's meetings, working groups, parties and commitments with their lifecycle,
 * evidence and statements; the observer's reading, verifying and disputing; the public commitment tracker.
 */
@NullMarked
package org.hearth.dialogue.web;

import org.jspecify.annotations.NullMarked;
