package org.hearth.platform;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PlatformConfiguration {

	private static final Logger log = LoggerFactory.getLogger(PlatformConfiguration.class);

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

	/**
	 * An S3-compatible bucket (hearth.documents.s3.*), which instances behind a load balancer share; refuses to start
	 * without an endpoint or a bucket.
	 */
	@Bean
	@ConditionalOnProperty(name = "hearth.documents.store", havingValue = "s3")
	DocumentBytes s3DocumentBytes(S3Properties properties) {
		S3DocumentBytes bytes = S3DocumentBytes.connect(properties);
		log.info("Documents are kept in S3: {}", properties);
		return bytes;
	}

	/** Small-cell suppression for every published count; refuses to start with a threshold below five. */
	@Bean
	Suppression suppression(@Value("${hearth.statistics.small-cell-threshold}") int threshold) {
		return new Suppression(threshold);
	}
}
