package org.hearth.identity;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/** Turns a pending sign-in into a full one once the second factor is given, with a new session id. */
@Component
public class SecondFactorSignIn {

	private final SecurityContextRepository contexts;
	private final SignInHandlers handlers;

	SecondFactorSignIn(SecurityContextRepository contexts, SignInHandlers handlers) {
		this.contexts = contexts;
		this.handlers = handlers;
	}

	public AccountId pendingAccount() {
		if (SecurityContextHolder.getContext().getAuthentication() instanceof PendingSecondFactor pending) {
			return pending.account();
		}
		throw new IllegalStateException("no pending sign-in");
	}

	public void complete(CurrentUser user, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
		SecurityContextHolder.setContext(context);
		request.changeSessionId();
		contexts.saveContext(context, request, response);
		handlers.redirectHome(request, response, user);
	}
}
