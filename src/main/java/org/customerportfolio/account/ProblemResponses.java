package org.customerportfolio.account;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.customerportfolio.shared.DatabaseTrouble;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * The API's answers to a request without valid credentials (401), without the right role
 * or token scope (403) or from an address with too many failed logins (429), as JSON
 * problem details that give nothing away. A login the database could not check is no
 * wrong login: that failure goes on to the answer for database trouble (503).
 */
class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
			throws IOException {
		if (DatabaseTrouble.of(exception).isPresent()) {
			// not the caller's credentials: the database could not check them
			throw exception;
		}
		response.setHeader("WWW-Authenticate", "Basic realm=\"Customer Portfolio\", Bearer");
		write(response, HttpStatus.UNAUTHORIZED,
				"Authentication required: HTTP Basic with a username and password, or a personal API token as a Bearer token.");
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException exception)
			throws IOException {
		write(response, HttpStatus.FORBIDDEN, "Your role does not allow this request.");
	}

	/** A read token used for a request that changes something. */
	void readOnlyToken(HttpServletResponse response) throws IOException {
		write(response, HttpStatus.FORBIDDEN, "This API token may only read: GET requests only.");
	}

	/** Too many failed logins from the caller's address. */
	void throttled(HttpServletResponse response) throws IOException {
		response.setHeader("Retry-After", String.valueOf(LoginAttempts.ADDRESS_WINDOW.toSeconds()));
		write(response, HttpStatus.TOO_MANY_REQUESTS, "Too many failed logins from your address: try again later.");
	}

	private static void write(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getWriter()
			.write("{\"type\":\"about:blank\",\"title\":\"" + status.getReasonPhrase() + "\",\"status\":"
					+ status.value() + ",\"detail\":\"" + detail + "\"}");
	}

}
