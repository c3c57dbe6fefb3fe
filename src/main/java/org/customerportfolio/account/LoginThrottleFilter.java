package org.customerportfolio.account;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a login attempt (the login form, or HTTP Basic on the API) from an address with
 * too many failed logins, before the password is even checked: the right password does
 * not help during the pause either.
 */
class LoginThrottleFilter extends OncePerRequestFilter {

	private final LoginAttempts attempts;

	private final ProblemResponses problems;

	LoginThrottleFilter(LoginAttempts attempts, ProblemResponses problems) {
		this.attempts = attempts;
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (isLogin(request) && this.attempts.blocked(request.getRemoteAddr())) {
			if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
				this.problems.throttled(response);
			}
			else {
				response.sendRedirect(request.getContextPath() + "/login?error");
			}
			return;
		}
		chain.doFilter(request, response);
	}

	private static boolean isLogin(HttpServletRequest request) {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
			return true;
		}
		return "POST".equals(request.getMethod())
				&& (request.getContextPath() + "/login").equals(request.getRequestURI());
	}

}
