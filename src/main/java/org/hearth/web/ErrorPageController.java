package org.hearth.web;

import java.util.Locale;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Errors raised outside a controller (a refusal by a security filter, an unknown address, an oversized upload
 * cut off by the container) land here and get the same localized page or problem as any other.
 */
@Controller
class ErrorPageController implements ErrorController {

	private final ErrorHandling errors;

	ErrorPageController(ErrorHandling errors) {
		this.errors = errors;
	}

	@PreAuthorize("permitAll()")
	@RequestMapping("/error")
	Object error(HttpServletRequest request, HttpServletResponse response, Locale locale) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		HttpStatus status = HttpStatus.resolve(code instanceof Integer i ? i : 500);
		if (status == null) {
			status = HttpStatus.INTERNAL_SERVER_ERROR;
		}
		String key = switch (status.value()) {
			case 400 -> "error.bad-request";
			case 401 -> "error.unauthenticated";
			case 403 -> "error.forbidden";
			case 404 -> "error.not-found";
			case 405 -> "error.method-not-allowed";
			case 413 -> "error.too-large";
			case 429 -> "error.too-many-requests";
			default -> status.is4xxClientError() ? "error.bad-request" : "error.unexpected-no-incident";
		};
		return errors.respond(originalRequest(request), response, locale, status, key);
	}

	/** Error dispatches keep the original URI in an attribute; API detection must look at that one. */
	private static HttpServletRequest originalRequest(HttpServletRequest request) {
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		if (uri == null) {
			return request;
		}
		return new jakarta.servlet.http.HttpServletRequestWrapper(request) {
			@Override
			public String getRequestURI() {
				return uri.toString();
			}
		};
	}
}
