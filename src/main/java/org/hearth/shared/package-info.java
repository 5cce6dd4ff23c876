/**
 * Vocabulary every module shares: languages, localized text, script-independent search keys and the exceptions
 * that reach a user as a message in their language. Everything here is public API.
 */
@NullMarked
@ApplicationModule(type = ApplicationModule.Type.CLOSED)
package org.hearth.shared;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
