package org.hearth.platform;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The demo profile's mail server: a real SMTP server (GreenMail) inside Hearth, on a free local port, whose
 * mailbox a demo-only page lists. A newcomer can follow confirmation links without any mail server; the mail still
 * travels over SMTP, exactly as in production.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "hearth.mail.demo-mailbox", havingValue = "true")
public class DemoMailbox {

	@Bean(initMethod = "start", destroyMethod = "stop")
	GreenMail greenMail() {
		var setup = new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort();
		var server = new GreenMail(setup);
		return server;
	}

	@Bean
	JavaMailSenderImpl mailSender(GreenMail greenMail) {
		var sender = new JavaMailSenderImpl();
		sender.setHost("127.0.0.1");
		sender.setPort(greenMail.getSmtp().getPort());
		sender.setDefaultEncoding("UTF-8");
		return sender;
	}

	@Bean
	Mailbox mailbox(GreenMail greenMail) {
		return new Mailbox(greenMail);
	}

	/** What the demo mailbox holds, newest first. */
	public static class Mailbox {

		private final GreenMail greenMail;

		Mailbox(GreenMail greenMail) {
			this.greenMail = greenMail;
		}

		public List<Mail> messages() {
			return Arrays.stream(greenMail.getReceivedMessages()).map(Mailbox::toMail)
					.sorted(Comparator.comparing(Mail::number).reversed()).toList();
		}

		public List<Mail> to(String address) {
			return messages().stream().filter(m -> m.to().equalsIgnoreCase(address)).toList();
		}

		private static Mail toMail(MimeMessage message) {
			try {
				return new Mail(message.getMessageNumber(),
						message.getRecipients(Message.RecipientType.TO)[0].toString(), message.getSubject(),
						message.getSentDate() == null ? null : message.getSentDate().toInstant(),
						GreenMailUtil.getBody(message).isEmpty() ? "" : (String) message.getContent(),
						message.getHeader("Content-Language", null));
			}
			catch (MessagingException | java.io.IOException e) {
				throw new IllegalStateException(e);
			}
		}
	}

	public record Mail(int number, String to, String subject, java.time.@org.jspecify.annotations.Nullable Instant sent,
			String body, @org.jspecify.annotations.Nullable String language) {
	}
}
