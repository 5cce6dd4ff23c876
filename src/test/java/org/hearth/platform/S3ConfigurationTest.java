package org.hearth.platform;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The document store is chosen by configuration alone: the file system unless {@code hearth.documents.store=s3},
 * and then the S3 store, which refuses to start without what it needs and says which setting that is.
 */
class S3ConfigurationTest {

	static S3TestServer server;

	/** What PlatformConfiguration's other beans need, as application.yaml gives it. */
	final ApplicationContextRunner platform = new ApplicationContextRunner()
			.withUserConfiguration(PlatformConfiguration.class, Properties.class)
			.withPropertyValues("hearth.data-dir=target/test-data", "hearth.time-zone=Asia/Baku",
					"hearth.statistics.small-cell-threshold=10");

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(S3Properties.class)
	static class Properties {
	}

	@BeforeAll
	static void startServer() {
		server = S3TestServer.start();
	}

	@AfterAll
	static void stopServer() {
		server.close();
	}

	@Test
	void theFileSystemUnlessConfiguredOtherwise() {
		platform.run(context -> assertThat(context).hasSingleBean(DocumentBytes.class)
				.getBean(DocumentBytes.class).isInstanceOf(FileSystemDocumentBytes.class));
		platform.withPropertyValues("hearth.documents.store=filesystem").run(context -> assertThat(context)
				.getBean(DocumentBytes.class).isInstanceOf(FileSystemDocumentBytes.class));
	}

	@Test
	void s3WhenConfigured() {
		platform.withPropertyValues("hearth.documents.store=s3", "hearth.documents.s3.endpoint=" + server.endpoint(),
				"hearth.documents.s3.bucket=" + S3TestServer.BUCKET,
				"hearth.documents.s3.access-key=" + S3TestServer.ACCESS_KEY,
				"hearth.documents.s3.secret-key=" + S3TestServer.SECRET_KEY).run(context -> {
					assertThat(context).hasSingleBean(DocumentBytes.class).getBean(DocumentBytes.class)
							.isInstanceOf(S3DocumentBytes.class);
					S3Properties properties = context.getBean(S3Properties.class);
					assertThat(properties.region()).isEqualTo("us-east-1");
					assertThat(properties.prefix()).isEqualTo("documents/");
					assertThat(properties.toString()).doesNotContain(S3TestServer.SECRET_KEY, S3TestServer.ACCESS_KEY);
					// And it is the bucket: names() asks the server.
					assertThat(context.getBean(DocumentBytes.class).names()).isNotNull();
				});
	}

	@Test
	void eachSettingComesFromItsEnvironmentVariableThroughApplicationYaml() {
		new ApplicationContextRunner().withInitializer(new ConfigDataApplicationContextInitializer())
				.withUserConfiguration(PlatformConfiguration.class, Properties.class)
				.withSystemProperties("HEARTH_DOCUMENT_STORE=s3", "HEARTH_S3_ENDPOINT=" + server.endpoint(),
						"HEARTH_S3_REGION=eu-central-1", "HEARTH_S3_BUCKET=" + S3TestServer.BUCKET,
						"HEARTH_S3_PREFIX=hearth/documents/", "HEARTH_S3_ACCESS_KEY=" + S3TestServer.ACCESS_KEY,
						"HEARTH_S3_SECRET_KEY=" + S3TestServer.SECRET_KEY)
				.run(context -> {
					assertThat(context).getBean(DocumentBytes.class).isInstanceOf(S3DocumentBytes.class);
					assertThat(context.getBean(S3Properties.class)).isEqualTo(new S3Properties(server.endpoint(),
							"eu-central-1", S3TestServer.BUCKET, "hearth/documents/", S3TestServer.ACCESS_KEY,
							S3TestServer.SECRET_KEY));
				});
		// Unset, the store stays the file system and the S3 settings take their defaults.
		new ApplicationContextRunner().withInitializer(new ConfigDataApplicationContextInitializer())
				.withUserConfiguration(PlatformConfiguration.class, Properties.class).run(context -> {
					assertThat(context).getBean(DocumentBytes.class).isInstanceOf(FileSystemDocumentBytes.class);
					S3Properties unset = context.getBean(S3Properties.class);
					assertThat(unset.region()).isEqualTo("us-east-1");
					assertThat(unset.prefix()).isEqualTo("documents/");
					assertThat(unset.staticCredentials()).isFalse();
				});
	}

	@Test
	void s3WithoutABucketOrAnEndpointRefusesToStartAndSaysWhichSetting() {
		platform.withPropertyValues("hearth.documents.store=s3", "hearth.documents.s3.endpoint=" + server.endpoint())
				.run(context -> assertThat(context).hasFailed().getFailure().rootCause()
						.isInstanceOf(IllegalStateException.class)
						.hasMessageContaining("hearth.documents.store=s3").hasMessageContaining("HEARTH_S3_BUCKET")
						.hasMessageNotContaining("HEARTH_S3_ENDPOINT"));
		platform.withPropertyValues("hearth.documents.store=s3", "hearth.documents.s3.bucket=" + S3TestServer.BUCKET)
				.run(context -> assertThat(context).hasFailed().getFailure().rootCause()
						.hasMessageContaining("HEARTH_S3_ENDPOINT").hasMessageNotContaining("HEARTH_S3_BUCKET"));
		// As application.yaml binds them when the variables are unset: empty, not missing.
		platform.withPropertyValues("hearth.documents.store=s3", "hearth.documents.s3.endpoint=",
				"hearth.documents.s3.bucket=").run(context -> assertThat(context).hasFailed().getFailure().rootCause()
						.hasMessageContaining("HEARTH_S3_ENDPOINT").hasMessageContaining("HEARTH_S3_BUCKET"));
	}

	@Test
	void aKeyWithoutItsSecretRefusesToStartWithoutPrintingEither() {
		platform.withPropertyValues("hearth.documents.store=s3", "hearth.documents.s3.endpoint=" + server.endpoint(),
				"hearth.documents.s3.bucket=" + S3TestServer.BUCKET, "hearth.documents.s3.access-key=AKIAEXAMPLE")
				.run(context -> assertThat(context).hasFailed().getFailure().rootCause()
						.hasMessageContaining("HEARTH_S3_ACCESS_KEY and HEARTH_S3_SECRET_KEY")
						.hasMessageNotContaining("AKIAEXAMPLE"));
	}

	@Test
	void anEndpointThatIsNotAnAddressRefusesToStart() {
		platform.withPropertyValues("hearth.documents.store=s3", "hearth.documents.s3.endpoint=minio:9000",
				"hearth.documents.s3.bucket=" + S3TestServer.BUCKET).run(context -> assertThat(context).hasFailed()
						.getFailure().rootCause().hasMessageContaining("HEARTH_S3_ENDPOINT is not an http(s) address"));
	}
}
