/**
 * The monitoring pages: the observer workspace, incidents, heritage sites, visits and findings under /monitoring,
 * and the public incident summary and heritage pages.
 */
@NullMarked
package org.hearth.monitoring.web;

import org.jspecify.annotations.NullMarked;
