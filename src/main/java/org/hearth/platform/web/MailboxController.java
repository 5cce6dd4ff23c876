package org.hearth.platform.web;

import org.hearth.platform.DemoMailbox;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Demo profile only: lists what the embedded mail server received, so links in e-mails can be followed. */
@Controller
@ConditionalOnProperty(name = "hearth.mail.demo-mailbox", havingValue = "true")
class MailboxController {

	private final DemoMailbox.Mailbox mailbox;
	private final MailLinks links;

	MailboxController(DemoMailbox.Mailbox mailbox, MailLinks links) {
		this.mailbox = mailbox;
		this.links = links;
	}

	record Shown(DemoMailbox.Mail mail, String bodyHtml) {
	}

	@PreAuthorize("permitAll()")
	@GetMapping("/demo/mailbox")
	String mailbox(Model model) {
		model.addAttribute("messages",
				mailbox.messages().stream().map(m -> new Shown(m, links.linkify(m.body()))).toList());
		return "platform/mailbox";
	}
}
