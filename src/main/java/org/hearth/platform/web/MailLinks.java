package org.hearth.platform.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/** Makes the links in a plain-text e-mail clickable on the demo mailbox page; escapes everything else. */
@Component
@ConditionalOnProperty(name = "hearth.mail.demo-mailbox", havingValue = "true")
class MailLinks {

	private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"]+");

	public String linkify(String text) {
		String escaped = HtmlUtils.htmlEscape(text);
		Matcher matcher = URL.matcher(escaped);
		var out = new StringBuilder();
		while (matcher.find()) {
			String url = matcher.group();
			matcher.appendReplacement(out, Matcher.quoteReplacement("<a href=\"" + url + "\">" + url + "</a>"));
		}
		matcher.appendTail(out);
		return out.toString();
	}
}
