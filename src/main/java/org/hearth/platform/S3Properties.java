package org.hearth.platform;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The S3-compatible bucket that keeps documents' bytes with {@code hearth.documents.store=s3}: AWS S3, MinIO, Ceph,
 * Garage or any other server that speaks the S3 API with path-style addresses. Read only when that store is chosen.
 *
 * @param endpoint the server's address, e.g. {@code https://s3.eu-central-1.amazonaws.com} or
 *     {@code http://minio:9000} ({@code HEARTH_S3_ENDPOINT}); required
 * @param region the region requests are signed for ({@code HEARTH_S3_REGION}); {@code us-east-1} suits most servers
 *     other than AWS
 * @param bucket the bucket, which must exist ({@code HEARTH_S3_BUCKET}); required
 * @param prefix put before each document's name to make its key ({@code HEARTH_S3_PREFIX})
 * @param accessKey with {@code secretKey}, the credentials to sign with; both empty for the SDK's default chain
 *     (environment, profile, container or instance role)
 * @param secretKey see {@code accessKey}; never logged
 */
@ConfigurationProperties("hearth.documents.s3")
record S3Properties(@Nullable String endpoint, @DefaultValue("us-east-1") String region, @Nullable String bucket,
		@DefaultValue("documents/") String prefix, @Nullable String accessKey, @Nullable String secretKey) {

	/** Whether keys were configured; without them the SDK's default credentials provider chain is used. */
	boolean staticCredentials() {
		return present(accessKey);
	}

	/**
	 * @return the endpoint as a URI
	 * @throws IllegalStateException naming each missing or contradictory setting and its environment variable
	 */
	URI checked() {
		List<String> problems = new ArrayList<>();
		if (endpoint == null || endpoint.isBlank()) {
			problems.add("no endpoint: set HEARTH_S3_ENDPOINT (hearth.documents.s3.endpoint), e.g. https://s3.example:9000");
		}
		else if (!httpAddress(endpoint)) {
			problems.add("HEARTH_S3_ENDPOINT is not an http(s) address with a host");
		}
		if (!present(bucket)) {
			problems.add("no bucket: set HEARTH_S3_BUCKET (hearth.documents.s3.bucket)");
		}
		if (!present(region)) {
			problems.add("no region: set HEARTH_S3_REGION (hearth.documents.s3.region), us-east-1 for most servers");
		}
		if (present(accessKey) != present(secretKey)) {
			problems.add("only one of HEARTH_S3_ACCESS_KEY and HEARTH_S3_SECRET_KEY is set: set both, or neither for "
					+ "the default credentials chain");
		}
		if (prefix.startsWith("/")) {
			problems.add("HEARTH_S3_PREFIX starts with '/': keys have no leading slash");
		}
		if (!problems.isEmpty()) {
			throw new IllegalStateException(
					"Refusing to start with hearth.documents.store=s3: " + String.join("; ", problems));
		}
		return URI.create(endpoint.strip());
	}

	private static boolean httpAddress(String value) {
		try {
			URI uri = URI.create(value.strip());
			return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
		}
		catch (IllegalArgumentException e) {
			return false;
		}
	}

	private static boolean present(@Nullable String value) {
		return value != null && !value.isBlank();
	}

	/** Without the keys: a record's own would print the secret wherever the properties are logged. */
	@Override
	public String toString() {
		return "S3Properties[endpoint=" + endpoint + ", region=" + region + ", bucket=" + bucket + ", prefix=" + prefix
				+ ", credentials=" + (staticCredentials() ? "configured" : "default chain") + "]";
	}
}
