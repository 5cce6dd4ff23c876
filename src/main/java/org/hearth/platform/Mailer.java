package org.hearth.platform;

import java.util.Locale;
import java.util.Map;

import jakarta.mail.MessagingException;
import jakarta.mail.util.StreamProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Sends e-mail in the recipient's language over SMTP. The subject is the bundle key
 * {@code mail.<template>.subject}, the body the plain-text template {@code templates/mail/<template>.txt}: plain
 * text reaches every phone and every mail client, and carries no tracking.
 */
@Component
public class Mailer {

	private static final Logger log = LoggerFactory.getLogger(Mailer.class);

	static final String STREAM_PROVIDER = "org.eclipse.angus.mail.util.MailStreamProvider";

	static {
		// Jakarta Mail 2.1 finds its StreamProvider with a ServiceLoader over the whole class path, anew for every
		// message, header and part (jakartaee/mail-api#861): two thirds of the CPU time of sending an e-mail, enough
		// for the queue of notifications to grow without end under load. Named, it is one Class.forName.
		if (System.getProperty(StreamProvider.class.getName()) == null) {
			System.setProperty(StreamProvider.class.getName(), STREAM_PROVIDER);
		}
	}

	private final JavaMailSender sender;
	private final ITemplateEngine templates;
	private final MessageSource messages;
	private final String from;
	private final String baseUrl;

	Mailer(JavaMailSender sender, MailTemplates templates, MessageSource messages,
			@Value("${hearth.mail.from}") String from, @Value("${hearth.base-url}") String baseUrl) {
		this.sender = sender;
		this.templates = templates.engine();
		this.messages = messages;
		this.from = from;
		this.baseUrl = baseUrl.replaceAll("/+$", "");
	}

	/**
	 * Renders and sends. {@code baseUrl} is available to every template for absolute links.
	 *
	 * @throws MailException when the SMTP server refuses or cannot be reached
	 */
	public void send(String to, Locale locale, String template, Map<String, Object> model) {
		var context = new Context(locale, model);
		context.setVariable("baseUrl", baseUrl);
		String body = templates.process("mail/" + template, context);
		String subject = messages.getMessage("mail." + template + ".subject", null, locale);
		try {
			var message = sender.createMimeMessage();
			var helper = new MimeMessageHelper(message, false, "UTF-8");
			helper.setFrom(from);
			helper.setTo(to);
			helper.setSubject(subject);
			helper.setText(body, false);
			message.setHeader("Content-Language", locale.getLanguage());
			sender.send(message);
		}
		catch (MessagingException e) {
			throw new org.springframework.mail.MailPreparationException("could not build the message", e);
		}
		// Never the address or the body: which template went out is enough to trace delivery.
		log.info("Sent e-mail '{}' in {}", template, locale.getLanguage());
	}
}
