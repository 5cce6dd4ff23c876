package org.hearth.platform;

import java.util.Locale;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.StreamProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Outside the demo profile, e-mail goes to the SMTP server that HEARTH_SMTP_* names — here a GreenMail server
 * the test runs — in the recipient's language.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "hearth.security.secret=a-test-secret-of-more-than-thirty-two-characters" })
@ActiveProfiles("test")
class SmtpMailTest {

	static final GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());

	static {
		smtp.start();
	}

	@DynamicPropertySource
	static void smtpServer(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
		registry.add("spring.mail.properties.mail.smtp.starttls.enable", () -> "false");
	}

	@AfterAll
	static void stop() {
		smtp.stop();
	}

	@Autowired
	Mailer mailer;

	@Autowired
	org.springframework.context.MessageSource messages;

	@Test
	void sendsThroughTheConfiguredServerInTheRecipientsLanguage() throws Exception {
		mailer.send("someone@example.org", Locale.forLanguageTag("az"), "confirm-email", Map.of("token", "abc123"));

		assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
		MimeMessage message = smtp.getReceivedMessages()[0];
		assertThat(message.getAllRecipients()[0].toString()).isEqualTo("someone@example.org");
		assertThat(message.getSubject())
				.isEqualTo(messages.getMessage("mail.confirm-email.subject", null, Locale.forLanguageTag("az")));
		assertThat(message.getHeader("Content-Language")[0]).isEqualTo("az");
		assertThat((String) message.getContent()).contains("/account/confirm?token=abc123")
				.contains(messages.getMessage("mail.greeting", null, Locale.forLanguageTag("az")));
	}

	/** Named, the provider is loaded as a class rather than searched for across the class path (see Mailer). */
	@Test
	void theMailStreamProviderIsNamedRatherThanSearchedFor() {
		assertThat(System.getProperty(StreamProvider.class.getName())).isEqualTo(Mailer.STREAM_PROVIDER);
		assertThat(StreamProvider.provider().getClass().getName()).isEqualTo(Mailer.STREAM_PROVIDER);
	}
}
