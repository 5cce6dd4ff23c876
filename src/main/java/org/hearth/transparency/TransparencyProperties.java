package org.hearth.transparency;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param origin the log's name: first line of every checkpoint and the name of its key (a schema-less URL)
 * @param keyFile the Ed25519 signing key, outside the database ({@code HEARTH_TRANSPARENCY_KEY})
 * @param generateKey create the key file if it is missing (demo profile only; prod refuses to start without a key)
 * @param checkpointInterval a new checkpoint is signed when the log has grown, at most this often
 * @param witnesses verifier keys (vkey format, type 0x04) of observers whose cosignatures are accepted
 */
@ConfigurationProperties("hearth.transparency")
public record TransparencyProperties(String origin, Path keyFile, boolean generateKey, Duration checkpointInterval,
		@Nullable List<String> witnesses) {

	public TransparencyProperties {
		witnesses = witnesses == null ? List.of() : List.copyOf(witnesses);
	}
}
