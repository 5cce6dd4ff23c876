@NullMarked
package org.hearth.transparency.web;

import org.jspecify.annotations.NullMarked;
