/**
 * Humanitarian aid: the facilities that need it (schools, hospitals, the field hospital, shelters, kitchens) and
 * what they need; a catalogue of items counted each in one unit; an append-only stock ledger per warehouse whose
 * stock can never go negative; requests, approvals and shipments with proof of delivery; distributions to the
 * registry's households, once per household and round; the field hospital's roster; and the fuel alerts.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "shared", "platform", "identity", "gazetteer", "registry" })
package org.hearth.aid;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
