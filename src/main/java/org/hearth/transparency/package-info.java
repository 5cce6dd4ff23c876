/**
 * Transparency: a public, tamper-evident log of every recorded change (RFC 9162 Merkle tree, C2SP signed
 * checkpoints), receipts applicants can check, and the access log that tells people who opened their file. It
 * listens to {@link org.hearth.shared.RecordedChange} events and depends on no business module.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "shared", "platform", "identity" })
package org.hearth.transparency;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
