package org.customerportfolio.account.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.customerportfolio.account.AccountManagement;
import org.customerportfolio.account.IssuedToken;
import org.customerportfolio.account.PortfolioUser;
import org.customerportfolio.account.TokenScope;
import org.customerportfolio.shared.Language;
import org.customerportfolio.shared.RuleViolation;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The logged-in user's own settings: language, password, and personal API tokens.
 */
@Controller
@RequestMapping("/account")
class MyAccountController {

	private final AccountManagement accounts;

	private static final java.util.regex.Pattern SAFE_PATH = java.util.regex.Pattern
		.compile("/(?![/\\\\])[A-Za-z0-9/_\\-.?=&%]*");

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	MyAccountController(AccountManagement accounts) {
		this.accounts = accounts;
	}

	@GetMapping
	String show(@AuthenticationPrincipal PortfolioUser user, Model model) {
		model.addAttribute("languages", Language.values());
		model.addAttribute("tokens", this.accounts.tokens(user.id()));
		return "account/account";
	}

	@PostMapping("/language")
	String changeLanguage(@AuthenticationPrincipal PortfolioUser user, @RequestParam String language,
			@RequestParam(defaultValue = "/account") String returnTo, HttpServletRequest request,
			HttpServletResponse response) {
		Language chosen = Language.fromCode(language).orElse(user.language());
		PortfolioUser updated = this.accounts.changeLanguage(user.id(), chosen);
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(
				UsernamePasswordAuthenticationToken.authenticated(updated, null, updated.getAuthorities()));
		SecurityContextHolder.setContext(context);
		this.contexts.saveContext(context, request, response);
		return "redirect:" + safeLocalPath(returnTo);
	}

	@PostMapping("/password")
	String changePassword(@AuthenticationPrincipal PortfolioUser user, @RequestParam String currentPassword,
			@RequestParam String newPassword, @RequestParam String newPasswordRepeat, HttpServletRequest request,
			RedirectAttributes redirect) {
		if (!newPassword.equals(newPasswordRepeat)) {
			redirect.addFlashAttribute("error", "user.password.mismatch");
			return "redirect:/account";
		}
		try {
			this.accounts.changeOwnPassword(user.id(), currentPassword, newPassword, request.getSession().getId());
			redirect.addFlashAttribute("message", "account.password.changed");
		}
		catch (RuleViolation ex) {
			redirect.addFlashAttribute("error", ex.code());
			redirect.addFlashAttribute("errorArguments", ex.arguments());
		}
		return "redirect:/account";
	}

	@PostMapping("/tokens")
	String issueToken(@AuthenticationPrincipal PortfolioUser user, @RequestParam String name,
			@RequestParam(defaultValue = "READ") TokenScope scope, Model model) {
		try {
			IssuedToken token = this.accounts.issueToken(user.id(), name, scope);
			model.addAttribute("issued", token);
		}
		catch (RuleViolation ex) {
			model.addAttribute("error", ex.code());
		}
		return show(user, model);
	}

	@PostMapping("/tokens/{id}/revoke")
	String revokeToken(@AuthenticationPrincipal PortfolioUser user, @PathVariable long id,
			RedirectAttributes redirect) {
		this.accounts.revokeToken(user.id(), id);
		redirect.addFlashAttribute("message", "token.revoked");
		return "redirect:/account";
	}

	/**
	 * Only plain paths on this site, so the form cannot be used to send someone
	 * elsewhere.
	 */
	static String safeLocalPath(String path) {
		return SAFE_PATH.matcher(path).matches() ? path : "/account";
	}

}
