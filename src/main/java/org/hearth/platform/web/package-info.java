@NullMarked
package org.hearth.platform.web;

import org.jspecify.annotations.NullMarked;
