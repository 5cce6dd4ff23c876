package org.hearth.identity.web;

import java.time.Instant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.hearth.identity.AccountManagement;
import org.hearth.identity.AccountManagement.TokenOutcome;
import org.hearth.shared.UserFacingException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Authentication", description = "Bearer tokens for the API")
@RestController
class TokenApiController {

	private final AccountManagement accounts;

	TokenApiController(AccountManagement accounts) {
		this.accounts = accounts;
	}

	record TokenRequest(String email, String password, String code) {
	}

	record TokenResponse(String token, Instant expiresAt) {
	}

	@Operation(summary = "Exchange e-mail and password (and, for staff, the current TOTP code) for a bearer token",
			description = "Send the token as 'Authorization: Bearer <token>'. After 10 failures for an account or "
					+ "an address within 15 minutes, requests are refused with 429.")
	@PreAuthorize("permitAll()")
	@PostMapping("/api/v1/auth/tokens")
	ResponseEntity<TokenResponse> issue(@RequestBody TokenRequest request, HttpServletRequest http) {
		TokenOutcome outcome = accounts.issueApiToken(nullToEmpty(request.email()), nullToEmpty(request.password()),
				request.code(), http.getRemoteAddr());
		if (outcome instanceof TokenOutcome.Refused refused) {
			throw new Refused(refused.messageKey(), refused.status());
		}
		var issued = (TokenOutcome.Issued) outcome;
		return ResponseEntity.status(HttpStatus.CREATED).body(new TokenResponse(issued.token(), issued.expiresAt()));
	}

	@Operation(summary = "Revoke the token this request carries")
	@PreAuthorize("isAuthenticated()")
	@DeleteMapping("/api/v1/auth/tokens/current")
	ResponseEntity<Void> revoke(@RequestHeader("Authorization") String authorization) {
		accounts.revokeApiToken(authorization.substring(7).strip());
		return ResponseEntity.noContent().build();
	}

	private static String nullToEmpty(String value) {
		return value == null ? "" : value;
	}

	static final class Refused extends UserFacingException {

		private final int status;

		Refused(String key, int status) {
			super(key);
			this.status = status;
		}

		@Override
		public int status() {
			return status;
		}
	}
}
