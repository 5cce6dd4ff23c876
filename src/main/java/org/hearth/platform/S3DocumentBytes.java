package org.hearth.platform;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Documents as objects in an S3-compatible bucket, each under {@code prefix + name}: addressed path-style at a
 * configured endpoint, so that MinIO, Ceph, Garage and the like work as AWS does. Each object is written once, with
 * its SHA-256 for the server to check, and never over another. Every failure of the SDK or the network reaches the
 * caller as an {@link IOException}, as a failing disk does from {@link FileSystemDocumentBytes}; messages name the
 * operation and the status, never keys or content.
 */
final class S3DocumentBytes implements DocumentBytes, AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(S3DocumentBytes.class);

	private final S3Client s3;
	private final String bucket;
	private final String prefix;
	private final int pageSize;

	/** @param pageSize most names asked for at once when listing (1000 is the most S3 answers with) */
	S3DocumentBytes(S3Client s3, String bucket, String prefix, int pageSize) {
		this.s3 = s3;
		this.bucket = bucket;
		this.prefix = prefix;
		this.pageSize = pageSize;
	}

	/** A client for the configured store; refuses incomplete settings, naming what is missing. */
	static S3DocumentBytes connect(S3Properties properties) {
		return new S3DocumentBytes(client(properties), properties.bucket().strip(), properties.prefix(), 1000);
	}

	static S3Client client(S3Properties properties) {
		var endpoint = properties.checked();
		AwsCredentialsProvider credentials = properties.staticCredentials()
				? StaticCredentialsProvider.create(
						AwsBasicCredentials.create(properties.accessKey(), properties.secretKey()))
				: DefaultCredentialsProvider.builder().build();
		return S3Client.builder()
				.endpointOverride(endpoint)
				.region(Region.of(properties.region().strip()))
				.forcePathStyle(true)
				.credentialsProvider(credentials)
				// The checksum Hearth computed while spooling is sent; the SDK adds none of its own (CRC32 trailers,
				// which several S3-compatible servers refuse) and checks what a server returns when asked to.
				.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
				.responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
				// As with the database, a store that is gone gets the upload its 503 within seconds (three attempts,
				// 3 s to connect); one that stops answering within a minute.
				.httpClientBuilder(UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(3))
						.socketTimeout(Duration.ofSeconds(30)))
				.overrideConfiguration(o -> o.retryStrategy(RetryMode.STANDARD).apiCallTimeout(Duration.ofSeconds(60)))
				.build();
	}

	@Override
	public void keep(String name, Path spooled, String sha256) throws IOException {
		String checksum = Base64.getEncoder().encodeToString(HexFormat.of().parseHex(sha256));
		long size = Files.size(spooled);
		PutObjectResponse response;
		try {
			response = s3.putObject(put -> put.bucket(bucket).key(prefix + name)
					.contentLength(size).contentType("application/octet-stream")
					.checksumSHA256(checksum)
					// Never over another object: a server that holds the key already answers 412.
					.ifNoneMatch("*"), RequestBody.fromFile(spooled));
		}
		catch (S3Exception e) {
			if (e.statusCode() == 412) {
				if (holds(name, checksum, size)) {
					// These very bytes are there: the SDK retried a write whose answer was lost, or it was kept before.
					return;
				}
				log.warn("S3 PutObject refused: an object of that name exists already and was not overwritten");
				throw new FileAlreadyExistsException("S3 object exists already; not overwritten");
			}
			// BadDigest (400) when the bytes that arrived are not the ones hashed here.
			throw failed("PutObject", e);
		}
		catch (SdkException e) {
			throw failed("PutObject", e);
		}
		// A server that checked the checksum echoes it; one that echoes another kept other bytes.
		if (response.checksumSHA256() != null && !response.checksumSHA256().equals(checksum)) {
			log.warn("S3 PutObject: the store's SHA-256 differs from the document's");
			throw new IOException("S3 PutObject: the store's SHA-256 differs from the document's");
		}
	}

	/** Whether the object under {@code name} is known to have this SHA-256 and size; false when the store cannot tell. */
	private boolean holds(String name, String checksum, long size) throws IOException {
		try {
			HeadObjectResponse head = s3.headObject(h -> h.bucket(bucket).key(prefix + name)
					.checksumMode(ChecksumMode.ENABLED));
			return checksum.equals(head.checksumSHA256()) && head.contentLength() != null
					&& head.contentLength() == size;
		}
		catch (SdkException e) {
			throw failed("HeadObject", e);
		}
	}

	@Override
	public InputStream open(String name) throws IOException {
		try {
			// With the checksum asked for, the SDK checks the bytes against it once they are read to the end.
			return new Unchecked(s3.getObject(get -> get.bucket(bucket).key(prefix + name)
					.checksumMode(ChecksumMode.ENABLED)));
		}
		catch (NoSuchKeyException e) {
			throw new NoSuchFileException("S3 object not found");
		}
		catch (SdkException e) {
			throw failed("GetObject", e);
		}
	}

	/**
	 * Every name under the prefix, page by page. The first page is asked for at once, so an unreachable store fails
	 * here as an {@link IOException}; one failing on a later page fails the stream with an
	 * {@link java.io.UncheckedIOException}, as {@link Files#list} does.
	 */
	@Override
	public Stream<String> names() throws IOException {
		Pages pages = new Pages(list(null));
		return StreamSupport.stream(Spliterators.spliteratorUnknownSize(pages, Spliterator.NONNULL), false)
				.map(key -> key.substring(prefix.length()))
				.filter(name -> !name.isEmpty());
	}

	private ListObjectsV2Response list(@Nullable String continuation) throws IOException {
		try {
			return s3.listObjectsV2(list -> list.bucket(bucket).prefix(prefix).maxKeys(pageSize)
					.continuationToken(continuation));
		}
		catch (SdkException e) {
			throw failed("ListObjectsV2", e);
		}
	}

	@Override
	public void close() {
		s3.close();
	}

	/**
	 * What failed and how (the status and S3's error code, or the kinds of exception down to the network's), logged
	 * for the operator, since a wrong credential or bucket shows only so. Never the SDK's message, which can quote a
	 * key, a bucket or a signature.
	 */
	private static IOException failed(String operation, SdkException e) {
		String how;
		if (e instanceof S3Exception s3) {
			how = "status " + s3.statusCode() + (s3.awsErrorDetails() != null ? " " + s3.awsErrorDetails().errorCode() : "");
		}
		else {
			StringBuilder kinds = new StringBuilder(e.getClass().getSimpleName());
			for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
				kinds.append(" < ").append(cause.getClass().getSimpleName());
			}
			how = kinds.toString();
		}
		String description = "S3 " + operation + " failed: " + how;
		log.warn(description);
		return new IOException(description, e);
	}

	/** The keys of one page after another. */
	private final class Pages implements Iterator<String> {

		private ListObjectsV2Response page;
		private Iterator<S3Object> objects;

		Pages(ListObjectsV2Response first) {
			this.page = first;
			this.objects = first.contents().iterator();
		}

		@Override
		public boolean hasNext() {
			while (!objects.hasNext() && Boolean.TRUE.equals(page.isTruncated())
					&& page.nextContinuationToken() != null) {
				try {
					page = list(page.nextContinuationToken());
				}
				catch (IOException e) {
					throw new java.io.UncheckedIOException(e);
				}
				objects = page.contents().iterator();
			}
			return objects.hasNext();
		}

		@Override
		public String next() {
			if (!hasNext()) {
				throw new NoSuchElementException();
			}
			return objects.next().key();
		}
	}

	/**
	 * The object's bytes, with the SDK's unchecked exceptions (a connection lost, a checksum that does not match)
	 * turned into the {@link IOException} that readers of a stream expect.
	 */
	private static final class Unchecked extends FilterInputStream {

		Unchecked(InputStream in) {
			super(in);
		}

		@Override
		public int read() throws IOException {
			try {
				return super.read();
			}
			catch (SdkException e) {
				throw failed("GetObject", e);
			}
		}

		@Override
		public int read(byte[] b, int off, int len) throws IOException {
			try {
				return super.read(b, off, len);
			}
			catch (SdkException e) {
				throw failed("GetObject", e);
			}
		}

		@Override
		public long skip(long n) throws IOException {
			try {
				return super.skip(n);
			}
			catch (SdkException e) {
				throw failed("GetObject", e);
			}
		}

		@Override
		public void close() throws IOException {
			try {
				super.close();
			}
			catch (SdkException e) {
				throw failed("GetObject", e);
			}
		}
	}
}
