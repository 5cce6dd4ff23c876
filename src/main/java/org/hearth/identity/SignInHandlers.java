package org.hearth.identity;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;

/**
 * After the password: applicants are in; staff go on to the second factor unless the demo profile waived it.
 * After a failure: back to the form with the reason and the typed e-mail, never the password.
 */
@Component
class SignInHandlers implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

	private final boolean staffMfaRequired;
	private final SecurityContextRepository contexts;
	private final SecurityEvents events;
	private final HttpSessionRequestCache savedRequests = new HttpSessionRequestCache();
	private final SessionFlashMapManager flashMaps = new SessionFlashMapManager();

	SignInHandlers(@Value("${hearth.security.staff-mfa-required}") boolean staffMfaRequired,
			SecurityContextRepository contexts, SecurityEvents events) {
		this.staffMfaRequired = staffMfaRequired;
		this.contexts = contexts;
		this.events = events;
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException {
		CurrentUser user = (CurrentUser) authentication.getPrincipal();
		events.signedIn("form", user, user.isStaff() && staffMfaRequired, request.getRemoteAddr());
		if (user.isStaff() && staffMfaRequired) {
			var context = SecurityContextHolder.createEmptyContext();
			context.setAuthentication(new PendingSecondFactor(user.id()));
			SecurityContextHolder.setContext(context);
			contexts.saveContext(context, request, response);
			response.sendRedirect(request.getContextPath() + "/login/second-factor");
			return;
		}
		redirectHome(request, response, user);
	}

	void redirectHome(HttpServletRequest request, HttpServletResponse response, CurrentUser user)
			throws IOException {
		SavedRequest saved = savedRequests.getRequest(request, response);
		if (saved != null) {
			savedRequests.removeRequest(request, response);
			response.sendRedirect(saved.getRedirectUrl());
			return;
		}
		response.sendRedirect(request.getContextPath() + home(user));
	}

	/** Each role's own starting page; someone holding several starts at the first that applies. */
	static String home(CurrentUser user) {
		if (user.has(Role.CASEWORKER) || user.has(Role.SUPERVISOR)) {
			return "/cases";
		}
		if (user.has(Role.APPLICANT)) {
			return "/applications";
		}
		if (user.has(Role.ADMINISTRATOR)) {
			return "/admin/staff";
		}
		if (user.has(Role.HOUSING_OFFICER)) {
			return "/housing";
		}
		if (user.has(Role.AID_COORDINATOR)) {
			return "/aid";
		}
		if (user.has(Role.OBSERVER)) {
			return "/observer";
		}
		if (user.has(Role.DIALOGUE_SECRETARIAT)) {
			return "/dialogue";
		}
		if (user.has(Role.STATISTICIAN)) {
			return "/statistics/manage";
		}
		if (user.has(Role.DATA_PROTECTION_OFFICER)) {
			return "/access-log";
		}
		return "/";
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		String reason = exception instanceof LoginThrottledException ? "identity.login.error.throttled"
				: exception instanceof DisabledException ? "identity.login.error.not-confirmed"
						: "identity.login.error.bad-credentials";
		// Runs in a filter, before any DispatcherServlet: build and save the flash map by hand.
		var flash = new FlashMap();
		flash.put("loginError", reason);
		String email = request.getParameter("email");
		events.signInRefused("form", reason, email == null ? "" : email, request.getRemoteAddr());
		flash.put("email", email == null ? "" : email);
		flash.setTargetRequestPath(request.getContextPath() + "/login");
		flashMaps.saveOutputFlashMap(flash, request, response);
		response.sendRedirect(request.getContextPath() + "/login");
	}
}
