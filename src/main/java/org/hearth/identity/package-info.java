/**
 * Accounts, roles and offices; sign-in with throttling, a second factor for staff, API tokens; the security
 * configuration. API: {@link org.hearth.identity.CurrentUser}, {@link org.hearth.identity.Accounts},
 * {@link org.hearth.identity.Offices}.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "shared", "platform" })
package org.hearth.identity;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
