/** The Great Return's pages: the household's home and offers, and the housing officers' work. */
@NullMarked
package org.hearth.housing.web;

import org.jspecify.annotations.NullMarked;
