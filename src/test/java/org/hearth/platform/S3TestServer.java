package org.hearth.platform;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

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
 * <p>
 * s3proxy runs in a class loader of its own, with the jars that Maven keeps off the tests' class path
 * ({@code hearth.test.s3proxy-path}, see pom.xml): its XML libraries would otherwise give Spring MVC an XML converter
 * and the JDK another StAX implementation that the application does not have. Hence the reflection here. Run
 * without that property (from an IDE), s3proxy is loaded from the class path as usual.
 */
public final class S3TestServer implements AutoCloseable {

	public static final String ACCESS_KEY = "hearth-test";
	public static final String SECRET_KEY = "hearth-test-secret-not-for-production";
	public static final String BUCKET = "hearth-documents";
	public static final String REGION = "us-east-1";

	private final Path root;
	private static final ClassLoader S3PROXY = isolated();

	private int port;
	private Object proxy;

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
		Thread thread = Thread.currentThread();
		ClassLoader context = thread.getContextClassLoader();
		// Jetty's threads and the XML factories s3proxy creates look for their implementations here.
		thread.setContextClassLoader(S3PROXY);
		try {
			Class<?> proxyClass = S3PROXY.loadClass("org.gaul.s3proxy.S3Proxy");
			Class<?> blobStoreClass = S3PROXY.loadClass("org.gaul.s3proxy.blobstore.BlobStore");
			Class<?> authenticationClass = S3PROXY.loadClass("org.gaul.s3proxy.auth.AuthenticationType");
			Object builder = proxyClass.getMethod("builder").invoke(null);
			Class<?> builderClass = builder.getClass();
			Object blobStore = S3PROXY.loadClass("org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore")
					.getConstructor(String.class).newInstance(root.toString());
			builderClass.getMethod("blobStore", blobStoreClass).invoke(builder, blobStore);
			builderClass.getMethod("endpoint", URI.class).invoke(builder, URI.create("http://127.0.0.1:" + port));
			builderClass.getMethod("awsAuthentication", authenticationClass, String.class, String.class).invoke(
					builder, authenticationClass.getMethod("valueOf", String.class).invoke(null, "AWS_V2_OR_V4"),
					ACCESS_KEY, SECRET_KEY);
			// Stopped at once, like a server that is switched off, not after the clients' idle connections.
			builderClass.getMethod("stopTimeout", long.class).invoke(builder, 0L);
			proxy = builderClass.getMethod("build").invoke(builder);
			proxyClass.getMethod("start").invoke(proxy);
			port = (int) proxyClass.getMethod("getPort").invoke(proxy);
		}
		catch (ReflectiveOperationException e) {
			throw new IllegalStateException("s3proxy did not start", e);
		}
		finally {
			thread.setContextClassLoader(context);
		}
	}

	/** Stops it: connections to its port are refused until {@link #up()}. */
	public void down() {
		try {
			proxy.getClass().getMethod("stop").invoke(proxy);
		}
		catch (ReflectiveOperationException e) {
			throw new IllegalStateException("s3proxy did not stop", e);
		}
	}

	private static ClassLoader isolated() {
		String path = System.getProperty("hearth.test.s3proxy-path");
		if (path == null || path.isBlank()) {
			return S3TestServer.class.getClassLoader();
		}
		URL[] jars = Arrays.stream(path.split(",")).map(jar -> {
			try {
				return Path.of(jar).toUri().toURL();
			}
			catch (MalformedURLException e) {
				throw new IllegalStateException(e);
			}
		}).toArray(URL[]::new);
		return new URLClassLoader("s3proxy", jars, S3TestServer.class.getClassLoader());
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

	/** Where the server keeps the object under {@code key} of {@link #BUCKET}, to damage it as a failing disk would. */
	Path fileOf(String key) {
		return root.resolve(BUCKET).resolve(key);
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
			down();
		}
		catch (IllegalStateException ignored) {
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
