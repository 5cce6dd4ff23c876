package org.hearth.monitoring;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The limits on assessment photos.
 *
 * @param photoMaxSize the largest photo accepted (never more than the installation's upload maximum)
 * @param photosPerAssessment how many photos one assessment may carry
 * @param photoMaxPixels the most pixels a photo may have: a small file can declare a huge image, and decoding it
 *        would take the server's memory
 */
@ConfigurationProperties("hearth.monitoring")
public record MonitoringProperties(DataSize photoMaxSize, int photosPerAssessment, long photoMaxPixels) {

	public MonitoringProperties {
		if (photoMaxSize.toBytes() <= 0 || photosPerAssessment < 1 || photosPerAssessment > 20 || photoMaxPixels < 1) {
			throw new IllegalArgumentException("hearth.monitoring: photo-max-size > 0, photos-per-assessment 1 to 20 "
					+ "and photo-max-pixels > 0 are required");
		}
	}
}
