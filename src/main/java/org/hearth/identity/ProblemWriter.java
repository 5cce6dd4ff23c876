package org.hearth.identity;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/** Problems for the API chain's refusals, in the requester's language like every other. */
@Component
class ProblemWriter implements SecurityConfiguration.ProblemResponses {

	private final MessageSource messages;
	private final LocaleResolver locales;
	private final JsonMapper json;

	ProblemWriter(MessageSource messages, LocaleResolver locales, JsonMapper json) {
		this.messages = messages;
		this.locales = locales;
		this.json = json;
	}

	@Override
	public void write(HttpServletRequest request, HttpServletResponse response, int status, String messageKey)
			throws IOException {
		Locale locale = locales.resolveLocale(request);
		var problem = ProblemDetail.forStatusAndDetail(org.springframework.http.HttpStatusCode.valueOf(status),
				messages.getMessage(messageKey, null, locale));
		problem.setTitle(messages.getMessage("error.title." + status, null, locale));
		problem.setType(java.net.URI.create("/problems/" + messageKey));
		problem.setProperty("code", messageKey);
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		json.writeValue(response.getOutputStream(), problem);
	}
}
