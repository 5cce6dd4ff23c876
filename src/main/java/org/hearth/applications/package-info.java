/**
 * Applications to a service, from draft to decision and appeal. The {@link org.hearth.applications.Application}
 * aggregate owns the workflow: every state change is a guarded method that records an immutable history entry and
 * publishes {@link org.hearth.applications.ApplicationStatusChanged}, in the same transaction.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "shared", "platform", "identity", "services", "gazetteer", "transparency" })
package org.hearth.applications;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
