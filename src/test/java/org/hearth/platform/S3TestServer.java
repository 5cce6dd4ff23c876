package org.hearth.platform;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.springframework.util.FileSystemUtils;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A real S3 server for tests: s3proxy in this JVM on a free loopback port, keeping objects as files in a temporary
 * directory, signing checked against one credential. It can be stopped and started again on the same port with
 * the same objects, as a store that goes away and comes back.
 */
public final class S3TestServer implements AutoCloseable {

	public static final String ACCESS_KEY = "hearth-test";
	public static final String SECRET_KEY = "hearth-test-secret-not-for-production";
	public static final String BUCKET = "hearth-documents";
	public static final String REGION = "us-east-1";

	private final Path root;
	private int port;
	private S3Proxy proxy;

	private S3TestServer(Path root) {
		this.root = root;
	}

	/** A running server with the bucket {@link #BUCKET} created (empty). */
	public static S3TestServer start() {
		try {
			S3TestServer server = new S3TestServer(Files.createTempDirectory("hearth-s3-"));
			server.up();
			try (S3Client client = server.client()) {
				client.createBucket(b -> b.bucket(BUCKET));
			}
			return server;
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	/** Starts it (again, on the same port and with the same objects once it has run). */
	public void up() {
		try {
			proxy = S3Proxy.builder().blobStore(new FilesystemNio2BlobStore(root.toString()))
					.endpoint(URI.create("http://127.0.0.1:" + port))
					.awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
					// Stopped at once, like a server that is switched off, not after the clients' idle connections.
					.stopTimeout(0).build();
			proxy.start();
			port = proxy.getPort();
		}
		catch (Exception e) {
			throw new IllegalStateException("s3proxy did not start", e);
		}
	}

	/** Stops it: connections to its port are refused until {@link #up()}. */
	public void down() {
		try {
			proxy.stop();
		}
		catch (Exception e) {
			throw new IllegalStateException("s3proxy did not stop", e);
		}
	}

	public String endpoint() {
		return "http://127.0.0.1:" + port;
	}

	/** Properties of a store in {@link #BUCKET} under {@code prefix}, with the server's credential. */
	S3Properties properties(String prefix) {
		return new S3Properties(endpoint(), REGION, BUCKET, prefix, ACCESS_KEY, SECRET_KEY);
	}

	/** A client of its own, to look at what the store holds as an operator would. */
	public S3Client client() {
		return S3Client.builder().endpointOverride(URI.create(endpoint())).region(Region.of(REGION)).forcePathStyle(true)
				.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
				.httpClientBuilder(UrlConnectionHttpClient.builder()).build();
	}

	/** Every key in {@link #BUCKET}. */
	public List<String> keys() {
		try (S3Client client = client()) {
			return client.listObjectsV2Paginator(l -> l.bucket(BUCKET)).contents().stream().map(S3Object::key).toList();
		}
	}

	@Override
	public void close() {
		try {
			proxy.stop();
		}
		catch (Exception ignored) {
			// stopped already
		}
		try {
			FileSystemUtils.deleteRecursively(root);
		}
		catch (IOException ignored) {
			// a temporary directory
		}
	}
}
