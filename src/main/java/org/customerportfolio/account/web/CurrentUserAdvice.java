package org.customerportfolio.account.web;

import jakarta.servlet.http.HttpServletRequest;

import org.customerportfolio.account.PortfolioUser;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Puts the logged-in user in every page's model, for the header and for showing only the
 * actions their role allows.
 */
@ControllerAdvice
class CurrentUserAdvice {

	@ModelAttribute("currentUser")
	@Nullable PortfolioUser currentUser(@AuthenticationPrincipal @Nullable PortfolioUser user) {
		return user;
	}

	@ModelAttribute("currentPath")
	String currentPath(HttpServletRequest request) {
		return request.getRequestURI();
	}

}
