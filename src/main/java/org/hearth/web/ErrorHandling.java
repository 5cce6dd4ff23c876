package org.hearth.web;

import java.net.URI;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.hearth.shared.UserFacingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every refusal reaches the person in their language: a page for the browser, an RFC 9457 problem for
 * {@code /api}. Never a stack trace; unexpected failures are logged with an incident id and without messages,
 * which may carry personal data (a constraint violation quotes the value).
 */
@ControllerAdvice
// Before Spring Boot's ProblemDetailsExceptionHandler (spring.mvc.problemdetails), which would answer Spring MVC's
// own exceptions in English and as JSON even to a browser.
@Order(Ordered.HIGHEST_PRECEDENCE)
class ErrorHandling {

	private static final Logger log = LoggerFactory.getLogger(ErrorHandling.class);

	private final MessageSource messages;

	ErrorHandling(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(UserFacingException.class)
	Object refused(UserFacingException e, HttpServletRequest request, HttpServletResponse response, Locale locale) {
		return respond(request, response, locale, HttpStatus.valueOf(e.status()), e.messageKey(), e.arguments());
	}

	@ExceptionHandler({ NoHandlerFoundException.class, NoResourceFoundException.class })
	Object notFound(Exception e, HttpServletRequest request, HttpServletResponse response, Locale locale) {
		return respond(request, response, locale, HttpStatus.NOT_FOUND, "error.not-found");
	}

	/** A malformed id in the path names no record (404); a malformed query parameter is a bad request. */
	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	Object mismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request, HttpServletResponse response,
			Locale locale) {
		if (e.getParameter().hasParameterAnnotation(org.springframework.web.bind.annotation.PathVariable.class)) {
			return notFound(e, request, response, locale);
		}
		return respond(request, response, locale, HttpStatus.BAD_REQUEST, "error.bad-request");
	}

	@ExceptionHandler({ HttpMessageNotReadableException.class, ServletRequestBindingException.class,
			MissingServletRequestPartException.class, MultipartException.class })
	Object badRequest(Exception e, HttpServletRequest request, HttpServletResponse response, Locale locale) {
		if (e instanceof MaxUploadSizeExceededException || e.getCause() instanceof IllegalStateException) {
			return respond(request, response, locale, HttpStatus.CONTENT_TOO_LARGE, "error.too-large");
		}
		return respond(request, response, locale, HttpStatus.BAD_REQUEST, "error.bad-request");
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	Object methodNotAllowed(Exception e, HttpServletRequest request, HttpServletResponse response, Locale locale) {
		return respond(request, response, locale, HttpStatus.METHOD_NOT_ALLOWED, "error.method-not-allowed");
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	Object unsupportedMediaType(Exception e, HttpServletRequest request, HttpServletResponse response,
			Locale locale) {
		return respond(request, response, locale, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "error.bad-request");
	}

	@ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
	Object notAcceptable(Exception e, HttpServletRequest request, HttpServletResponse response, Locale locale) {
		return respond(request, response, locale, HttpStatus.NOT_ACCEPTABLE, "error.bad-request");
	}

	/** Method security refusals: let Spring Security's entry point and denied handler answer. */
	@ExceptionHandler({ AccessDeniedException.class, AuthenticationException.class })
	void security(RuntimeException e) {
		throw e;
	}

	/** Let the outermost filter answer: the same 503 as when the session itself could not be read. */
	@ExceptionHandler({ org.springframework.dao.DataAccessResourceFailureException.class,
			org.springframework.dao.TransientDataAccessResourceException.class,
			org.springframework.transaction.CannotCreateTransactionException.class })
	void databaseUnavailable(RuntimeException e) {
		throw e;
	}

	@ExceptionHandler(Exception.class)
	Object unexpected(Exception e, HttpServletRequest request, HttpServletResponse response, Locale locale)
			throws Exception {
		if (DatabaseUnavailable.isCause(e)) {
			throw e;
		}
		String incident = UUID.randomUUID().toString().substring(0, 8);
		log.error("Incident {} on {} {}: {}", incident, request.getMethod(), request.getRequestURI(),
				SafeThrowable.describe(e));
		return respond(request, response, locale, HttpStatus.INTERNAL_SERVER_ERROR, "error.unexpected", incident);
	}

	Object respond(HttpServletRequest request, HttpServletResponse response, Locale locale,
			HttpStatus status, String key, Object... arguments) {
		String detail = messages.getMessage(key, arguments, locale);
		String title = messages.getMessage("error.title." + status.value(), null,
				messages.getMessage("error.title.other", null, locale), locale);
		if (isApi(request)) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
			problem.setTitle(title);
			problem.setType(URI.create("/problems/" + key));
			problem.setProperty("code", key);
			return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
		}
		response.setStatus(status.value());
		var view = new ModelAndView("error");
		view.setStatus(status);
		view.addObject("status", status.value());
		view.addObject("errorTitle", title);
		view.addObject("detail", detail);
		return view;
	}

	/** Answered with problems rather than pages: the JSON API and the transparency log's machine endpoints. */
	static boolean isApi(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.startsWith("/api/") || path.startsWith("/transparency/proof/")
				|| path.startsWith("/transparency/entries") || path.startsWith("/transparency/checkpoint")
				|| path.startsWith("/transparency/key");
	}
}
