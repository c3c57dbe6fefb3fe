package org.customerportfolio.shared;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * How the REST API says no: JSON problem details (RFC 9457) with a message in the
 * caller's language, field errors where fields are at fault, and never a stack trace.
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiProblems extends ResponseEntityExceptionHandler {

	private static final Logger logger = LoggerFactory.getLogger(ApiProblems.class);

	private final MessageSource messages;

	ApiProblems(MessageSource messages) {
		this.messages = messages;
		setMessageSource(messages);
	}

	@ExceptionHandler
	ProblemDetail invalidInput(InvalidInputException ex) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, message("problem.invalidInput"));
		problem.setProperty("errors", ex.violations().stream().map(this::fieldError).toList());
		return problem;
	}

	@ExceptionHandler
	ProblemDetail ruleViolation(RuleViolation ex) {
		ProblemDetail problem = problem(HttpStatus.CONFLICT, message(ex.code(), ex.arguments()));
		if (ex.field() != null) {
			problem.setProperty("errors", List.of(fieldError(ex)));
		}
		return problem;
	}

	@ExceptionHandler
	ProblemDetail notFound(NotFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, message(ex.code(), ex.arguments()));
	}

	@ExceptionHandler
	ProblemDetail editConflict(EditConflictException ex) {
		ProblemDetail problem = problem(HttpStatus.CONFLICT, message("edit.conflict.api"));
		problem.setProperty("currentVersion", ex.currentVersion());
		problem.setProperty("changes", ex.changesSince());
		return problem;
	}

	@ExceptionHandler
	ProblemDetail versionRequired(VersionRequiredException ex) {
		return problem(HttpStatus.PRECONDITION_REQUIRED, message("edit.versionRequired"));
	}

	@ExceptionHandler
	ProblemDetail stale(org.springframework.dao.OptimisticLockingFailureException ex) {
		return problem(HttpStatus.CONFLICT, message("edit.conflict.retry"));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> unexpected(Exception ex) {
		var trouble = DatabaseTrouble.of(ex);
		if (trouble.isPresent()) {
			logger.warn("API request refused, database {}: {}", trouble.get(), ex.toString());
			return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
				.header(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseTrouble.RETRY_AFTER_SECONDS))
				.body(problem(HttpStatus.SERVICE_UNAVAILABLE, message(trouble.get().messageCode())));
		}
		logger.error("Unexpected failure answering an API request", ex);
		return ResponseEntity.internalServerError()
			.body(problem(HttpStatus.INTERNAL_SERVER_ERROR, message("problem.unexpected")));
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, message("problem.invalidInput"));
		problem.setProperty("errors",
				ex.getBindingResult()
					.getFieldErrors()
					.stream()
					.map((error) -> Map.of("field", error.getField(), "message",
							this.messages.getMessage(error, LocaleContextHolder.getLocale())))
					.toList());
		return ResponseEntity.badRequest().body(problem);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem;
		if (ex.getCause() instanceof JacksonException json && !json.getPath().isEmpty()) {
			String field = json.getPath()
				.stream()
				.map((reference) -> (reference.getPropertyName() != null) ? reference.getPropertyName()
						: "[" + reference.getIndex() + "]")
				.collect(Collectors.joining("."));
			problem = problem(HttpStatus.BAD_REQUEST, message("problem.wrongType", field));
			problem.setProperty("errors",
					List.of(Map.of("field", field, "message", message("problem.wrongType", field))));
		}
		else {
			problem = problem(HttpStatus.BAD_REQUEST, message("problem.unreadable"));
		}
		return ResponseEntity.badRequest().body(problem);
	}

	private Map<String, Object> fieldError(RuleViolation violation) {
		return Map.of("field", (violation.field() != null) ? violation.field() : "", "code", violation.code(),
				"message", message(violation.code(), violation.arguments()));
	}

	private ProblemDetail problem(HttpStatus status, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create("about:blank"));
		return problem;
	}

	private String message(String code, Object... arguments) {
		Locale locale = LocaleContextHolder.getLocale();
		return this.messages.getMessage(code, arguments, code, locale);
	}

}
