/**
 * Infrastructure every module stands on: the database (embedded or external), outgoing e-mail and the
 * document store. Its public types are the module's API.
 */
@NullMarked
@ApplicationModule(allowedDependencies = "shared")
package org.hearth.platform;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
