package org.customerportfolio.account;

import java.util.Locale;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.customerportfolio.shared.Language;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.WebUtils;

/**
 * The language of the page: the logged-in user's own choice; before login, the one picked
 * on the login page (kept in a cookie) or else the browser's preference.
 */
class UserLocaleResolver implements LocaleResolver {

	static final String COOKIE = "portfolio-lang";

	private static final String CHOSEN = UserLocaleResolver.class.getName() + ".chosen";

	@Override
	public Locale resolveLocale(HttpServletRequest request) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof PortfolioUser user) {
			return user.language().locale();
		}
		if (request.getAttribute(CHOSEN) instanceof Locale chosen) {
			return chosen;
		}
		Cookie cookie = WebUtils.getCookie(request, COOKIE);
		if (cookie != null) {
			var chosen = Language.fromCode(cookie.getValue());
			if (chosen.isPresent()) {
				return chosen.get().locale();
			}
		}
		return Language.of(request.getLocale()).locale();
	}

	@Override
	public void setLocale(HttpServletRequest request, @Nullable HttpServletResponse response, @Nullable Locale locale) {
		Language language = Language.of(locale);
		request.setAttribute(CHOSEN, language.locale());
		if (response == null) {
			return;
		}
		Cookie cookie = new Cookie(COOKIE, language.code());
		cookie.setPath("/");
		cookie.setHttpOnly(true);
		cookie.setMaxAge(365 * 24 * 3600);
		cookie.setAttribute("SameSite", "Lax");
		response.addCookie(cookie);
	}

}
