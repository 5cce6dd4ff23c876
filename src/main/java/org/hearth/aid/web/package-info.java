/** The aid pages: dashboard, facilities, warehouses, requests, shipments, distributions, roster, catalogue. */
@NullMarked
package org.hearth.aid.web;

import org.jspecify.annotations.NullMarked;
