package org.customerportfolio.account.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.customerportfolio.account.AccountManagement;
import org.customerportfolio.account.FirstAdministratorCreated;
import org.customerportfolio.account.UserSummary;
import org.customerportfolio.shared.FormErrors;
import org.customerportfolio.shared.Language;
import org.customerportfolio.shared.RuleViolation;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The login page, and on a fresh installation the setup page that creates the first
 * administrator.
 */
@Controller
class LoginController {

	private final AccountManagement accounts;

	private final ApplicationEventPublisher events;

	LoginController(AccountManagement accounts, ApplicationEventPublisher events) {
		this.accounts = accounts;
		this.events = events;
	}

	@GetMapping("/login")
	String login() {
		return this.accounts.hasUsers() ? "account/login" : "redirect:/setup";
	}

	@GetMapping("/setup")
	String setup(Model model) {
		if (this.accounts.hasUsers()) {
			return "redirect:/login";
		}
		model.addAttribute("form", new SetupForm("", "", "", Language.of(LocaleContextHolder.getLocale()), false));
		return "account/setup";
	}

	@PostMapping("/setup")
	String createAdministrator(@Valid @ModelAttribute("form") SetupForm form, BindingResult binding,
			RedirectAttributes redirect) {
		if (this.accounts.hasUsers()) {
			return "redirect:/login";
		}
		if (!binding.hasFieldErrors("passwordRepeat") && !form.password().equals(form.passwordRepeat())) {
			binding.rejectValue("passwordRepeat", "user.password.mismatch");
		}
		if (binding.hasErrors()) {
			return "account/setup";
		}
		UserSummary administrator;
		try {
			administrator = this.accounts.createFirstAdministrator(form.username(), form.password(), form.language());
		}
		catch (RuleViolation ex) {
			FormErrors.reject(binding, ex);
			return "account/setup";
		}
		this.events.publishEvent(new FirstAdministratorCreated(administrator.id(), administrator.username(),
				form.language(), Boolean.TRUE.equals(form.examplePortfolio())));
		redirect.addFlashAttribute("created", form.username());
		return "redirect:/login?lang=" + form.language().code();
	}

	record SetupForm(@NotBlank @Size(max = 100) String username, @NotBlank String password,
			@NotBlank String passwordRepeat, @NotNull Language language,
			@org.jspecify.annotations.Nullable Boolean examplePortfolio) {
	}

}
