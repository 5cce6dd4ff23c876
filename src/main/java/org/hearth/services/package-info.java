/**
 * Services as data: each service is a definition file ({@code services/*.yaml}) with its pages, questions,
 * validation, conditions, document requirements, translations and workflow. One engine renders, binds and
 * validates any definition; answers are validated JSON tied to the definition version they were given against.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "shared", "gazetteer" })
package org.hearth.services;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
