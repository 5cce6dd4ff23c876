package org.hearth.transparency;

import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The log's Ed25519 signing key, from a file outside the database: whoever could rewrite the database still cannot
 * sign a checkpoint. The demo profile creates the file on first start; otherwise a missing file stops the start.
 */
@Component
class LogKey {

	private static final Logger log = LoggerFactory.getLogger(LogKey.class);

	private final NoteSigner signer;

	LogKey(TransparencyProperties properties, Environment environment) {
		Path file = properties.keyFile();
		if (!Files.exists(file)) {
			if (!properties.generateKey() || environment.matchesProfiles("prod")) {
				throw new IllegalStateException("The transparency log's signing key " + file
						+ " does not exist. Create it once with: java -jar hearth.jar new-log-key " + properties.origin() + " "
						+ file + " (docs/transparency.md), or set HEARTH_TRANSPARENCY_KEY to where it is.");
			}
			try {
				Files.createDirectories(file.toAbsolutePath().getParent());
			}
			catch (java.io.IOException e) {
				throw new java.io.UncheckedIOException(e);
			}
			NoteSigner.generate(properties.origin()).save(file);
			log.warn("Generated a new signing key for the transparency log at {} (demo). Production installations "
					+ "create and protect theirs: see docs/transparency.md", file);
		}
		this.signer = NoteSigner.load(file);
		if (!signer.name().equals(properties.origin())) {
			throw new IllegalStateException("The signing key " + file + " is named " + signer.name()
					+ " but the log's origin is " + properties.origin() + " (HEARTH_TRANSPARENCY_ORIGIN)");
		}
	}

	NoteSigner signer() {
		return signer;
	}
}
