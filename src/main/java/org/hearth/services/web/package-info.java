@NullMarked
package org.hearth.services.web;

import org.jspecify.annotations.NullMarked;
