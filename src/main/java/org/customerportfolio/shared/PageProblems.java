package org.customerportfolio.shared;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.ModelAndView;

/**
 * How pages say no: a page in the user's language that names the problem, with the right
 * status code.
 */
@ControllerAdvice(annotations = Controller.class)
class PageProblems {

	private static final Logger logger = LoggerFactory.getLogger(PageProblems.class);

	@ExceptionHandler
	@ResponseStatus(HttpStatus.NOT_FOUND)
	ModelAndView notFound(NotFoundException ex) {
		return page(HttpStatus.NOT_FOUND, ex.code(), ex.arguments());
	}

	@ExceptionHandler
	@ResponseStatus(HttpStatus.CONFLICT)
	ModelAndView ruleViolation(RuleViolation ex) {
		return page(HttpStatus.CONFLICT, ex.code(), ex.arguments());
	}

	@ExceptionHandler
	@ResponseStatus(HttpStatus.BAD_REQUEST)
	ModelAndView invalidInput(InvalidInputException ex) {
		RuleViolation first = ex.violations().get(0);
		return page(HttpStatus.BAD_REQUEST, first.code(), first.arguments());
	}

	@ExceptionHandler
	@ResponseStatus(HttpStatus.CONFLICT)
	ModelAndView editConflict(EditConflictException ex) {
		return page(HttpStatus.CONFLICT, "edit.conflict", new Object[0]);
	}

	@ExceptionHandler(org.springframework.dao.OptimisticLockingFailureException.class)
	@ResponseStatus(HttpStatus.CONFLICT)
	ModelAndView stale(Exception ex) {
		return page(HttpStatus.CONFLICT, "edit.conflict.retry", new Object[0]);
	}

	@ExceptionHandler(org.springframework.web.method.annotation.MethodArgumentTypeMismatchException.class)
	@ResponseStatus(HttpStatus.BAD_REQUEST)
	ModelAndView badParameter(Exception ex) {
		return page(HttpStatus.BAD_REQUEST, "problem.badParameter", new Object[0]);
	}

	private static ModelAndView page(HttpStatus status, String code, Object[] arguments) {
		logger.debug("Page request refused: {} {}", status, code);
		ModelAndView page = new ModelAndView("error");
		// Exception views miss the @ModelAttribute advice: add what the page header
		// needs.
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.isAuthenticated()
				&& !(authentication instanceof AnonymousAuthenticationToken)) {
			page.addObject("currentUser", authentication.getPrincipal());
		}
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request) {
			page.addObject("currentPath", request.getRequest().getRequestURI());
		}
		page.setStatus(status);
		page.addObject("status", status.value());
		page.addObject("messageCode", code);
		page.addObject("messageArguments", arguments);
		return page;
	}

}
