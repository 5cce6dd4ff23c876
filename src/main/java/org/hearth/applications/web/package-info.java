@NullMarked
package org.hearth.applications.web;

import org.jspecify.annotations.NullMarked;
