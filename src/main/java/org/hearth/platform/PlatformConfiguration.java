package org.hearth.platform;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PlatformConfiguration {

	/** The one clock: tests move time by replacing this bean, never by sleeping. */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	/** Where times are shown: the user's zone is not known, the region's is. */
	@Bean
	DisplayZone displayZone(@Value("${hearth.time-zone}") String zone) {
		return new DisplayZone(ZoneId.of(zone));
	}

	/** The file system under HEARTH_DATA_DIR/documents unless another store is configured. */
	@Bean
	@ConditionalOnProperty(name = "hearth.documents.store", havingValue = "filesystem", matchIfMissing = true)
	DocumentBytes fileSystemDocumentBytes(@Value("${hearth.data-dir}") Path dataDir) {
		return new FileSystemDocumentBytes(dataDir.resolve("documents"));
	}

	/** Small-cell suppression for every published count; refuses to start with a threshold below five. */
	@Bean
	Suppression suppression(@Value("${hearth.statistics.small-cell-threshold}") int threshold) {
		return new Suppression(threshold);
	}
}
