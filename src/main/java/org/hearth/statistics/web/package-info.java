/**
 * The public statistics pages: the dashboard of the latest release, the releases and their CSV and JSON downloads
 * with HXL hashtags, the data dictionary; the statistician's page for population figures and releases.
 */
@NullMarked
package org.hearth.statistics.web;

import org.jspecify.annotations.NullMarked;
