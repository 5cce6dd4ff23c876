/** The Great Return's pages: the published rule, and the ancestor search of a descendant's registration. */
@NullMarked
package org.hearth.housing.web;

import org.jspecify.annotations.NullMarked;
