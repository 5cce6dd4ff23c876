@NullMarked
package org.hearth.gazetteer.web;

import org.jspecify.annotations.NullMarked;
