package org.customerportfolio.shared;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.HtmlUtils;

/**
 * The outermost answer when the database fails a request outside the API's own error
 * handling — in a page, or before any controller, where the session and the login are
 * read from the database: 503 with a message that nothing was saved, a problem document
 * for the API and a plain page otherwise. Neither reads anything from the database, so
 * the language is the one chosen on the login page or the browser's (the user's own
 * choice is in the database). The generic 500 stays for every other failure.
 */
class DatabaseTroubleFilter extends OncePerRequestFilter {

	private static final Logger logger = LoggerFactory.getLogger(DatabaseTroubleFilter.class);

	private final MessageSource messages;

	private final LocaleResolver locales;

	private final JsonMapper json;

	DatabaseTroubleFilter(MessageSource messages, LocaleResolver locales, JsonMapper json) {
		this.messages = messages;
		this.locales = locales;
		this.json = json;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (ServletException | IOException | RuntimeException ex) {
			var trouble = DatabaseTrouble.of(ex);
			if (trouble.isEmpty() || response.isCommitted()) {
				throw ex;
			}
			logger.warn("Request {} {} refused, database {}: {}", request.getMethod(), request.getRequestURI(),
					trouble.get(), ex.toString());
			answer(request, response, trouble.get());
		}
	}

	private void answer(HttpServletRequest request, HttpServletResponse response, DatabaseTrouble trouble)
			throws IOException {
		Locale locale = locale(request);
		String detail = this.messages.getMessage(trouble.messageCode(), null, locale);
		response.reset();
		response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
		response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseTrouble.RETRY_AFTER_SECONDS));
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		// the reset above took Spring Security's headers: the same ones, with a policy
		// stricter than the pages' (this page runs no script and loads only stylesheets)
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader("X-Frame-Options", "DENY");
		response.setHeader("Referrer-Policy", "same-origin");
		response.setHeader("Content-Security-Policy",
				"default-src 'none'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'");
		response.setCharacterEncoding("UTF-8");
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail);
			problem.setType(URI.create("about:blank"));
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.getWriter().write(this.json.writeValueAsString(problem));
			return;
		}
		String title = HtmlUtils.htmlEscape(this.messages.getMessage("error.title", null, locale));
		response.setContentType(MediaType.TEXT_HTML_VALUE);
		response.getWriter()
			.write("<!DOCTYPE html>\n<html lang=\"" + locale.getLanguage() + "\" data-theme=\"light\"><head>"
					+ "<meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
					+ "<title>" + title + "</title>" + "<link rel=\"stylesheet\" href=\"" + request.getContextPath()
					+ "/webjars/picocss__pico/css/pico.min.css\">" + "<link rel=\"stylesheet\" href=\""
					+ request.getContextPath() + "/css/app.css\"></head><body><main class=\"container narrow\">"
					+ "<article class=\"error-page\"><h1>503</h1><p>" + HtmlUtils.htmlEscape(detail) + "</p>"
					+ "<p><a href=\"" + request.getContextPath() + "/\">"
					+ HtmlUtils.htmlEscape(this.messages.getMessage("error.retry", null, locale))
					+ "</a></p></article></main></body></html>\n");
	}

	private Locale locale(HttpServletRequest request) {
		try {
			return this.locales.resolveLocale(request);
		}
		catch (RuntimeException ex) {
			return Language.of(request.getLocale()).locale();
		}
	}

}
