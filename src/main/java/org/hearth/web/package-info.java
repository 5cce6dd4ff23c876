/**
 * The frame around every page: layout, language switching, the home page with the service catalogue, and the
 * translation of refusals into error pages and RFC 9457 problems. Nothing depends on this module.
 */
@NullMarked
@ApplicationModule
package org.hearth.web;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
