package org.customerportfolio.account.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.customerportfolio.account.AccountManagement;
import org.customerportfolio.account.NewUser;
import org.customerportfolio.account.PortfolioUser;
import org.customerportfolio.account.Role;
import org.customerportfolio.account.UserSummary;
import org.customerportfolio.audit.AuditLog;
import org.customerportfolio.shared.FormErrors;
import org.customerportfolio.shared.Language;
import org.customerportfolio.shared.NotFoundException;
import org.customerportfolio.shared.RuleViolation;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Administrators create users, change their role, disable them and reset their password.
 */
@Controller
@RequestMapping("/admin/users")
class UserAdministrationController {

	private final AccountManagement accounts;

	private final AuditLog audit;

	UserAdministrationController(AccountManagement accounts, AuditLog audit) {
		this.accounts = accounts;
		this.audit = audit;
	}

	@ModelAttribute("roles")
	Role[] roles() {
		return Role.values();
	}

	@ModelAttribute("languages")
	Language[] languages() {
		return Language.values();
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("users", this.accounts.users());
		return "account/users";
	}

	@GetMapping("/new")
	String newUser(Model model) {
		model.addAttribute("form", new UserForm("", "", "", Role.VIEWER, Language.NL));
		return "account/user-new";
	}

	@PostMapping
	String create(@Valid @ModelAttribute("form") UserForm form, BindingResult binding,
			@AuthenticationPrincipal PortfolioUser actor, RedirectAttributes redirect) {
		if (binding.hasErrors()) {
			return "account/user-new";
		}
		try {
			UserSummary user = this.accounts.createUser(
					new NewUser(form.username(), form.fullName(), form.password(), form.role(), form.language()),
					actor.getUsername());
			redirect.addFlashAttribute("message", "user.created");
			return "redirect:/admin/users/" + user.id();
		}
		catch (RuleViolation ex) {
			FormErrors.reject(binding, ex);
			return "account/user-new";
		}
	}

	@GetMapping("/{id}")
	String show(@PathVariable long id, Model model) {
		model.addAttribute("user", existing(id));
		model.addAttribute("auditEntries", this.audit.ofSubject(AccountManagement.USER_SUBJECT, id, 100));
		return "account/user";
	}

	@PostMapping("/{id}/role")
	String changeRole(@PathVariable long id, @RequestParam Role role, @AuthenticationPrincipal PortfolioUser actor,
			RedirectAttributes redirect) {
		return act(id, redirect, "user.roleChanged", () -> this.accounts.changeRole(id, role, actor.getUsername()));
	}

	@PostMapping("/{id}/name")
	String rename(@PathVariable long id, @RequestParam(required = false) @Nullable String fullName,
			@AuthenticationPrincipal PortfolioUser actor, RedirectAttributes redirect) {
		if (fullName != null && fullName.length() > 200) {
			redirect.addFlashAttribute("error", "user.fullName.tooLong");
			return "redirect:/admin/users/" + id;
		}
		return act(id, redirect, "user.renamed", () -> this.accounts.rename(id, fullName, actor.getUsername()));
	}

	@PostMapping("/{id}/disable")
	String disable(@PathVariable long id, @AuthenticationPrincipal PortfolioUser actor, RedirectAttributes redirect) {
		return act(id, redirect, "user.disabled", () -> this.accounts.disable(id, actor.getUsername()));
	}

	@PostMapping("/{id}/enable")
	String enable(@PathVariable long id, @AuthenticationPrincipal PortfolioUser actor, RedirectAttributes redirect) {
		return act(id, redirect, "user.enabled", () -> this.accounts.enable(id, actor.getUsername()));
	}

	@PostMapping("/{id}/password")
	String resetPassword(@PathVariable long id, @RequestParam String password,
			@AuthenticationPrincipal PortfolioUser actor, RedirectAttributes redirect) {
		return act(id, redirect, "user.passwordReset",
				() -> this.accounts.resetPassword(id, password, actor.getUsername()));
	}

	private String act(long id, RedirectAttributes redirect, String success, Runnable action) {
		existing(id);
		try {
			action.run();
			redirect.addFlashAttribute("message", success);
		}
		catch (RuleViolation ex) {
			redirect.addFlashAttribute("error", ex.code());
			redirect.addFlashAttribute("errorArguments", ex.arguments());
		}
		return "redirect:/admin/users/" + id;
	}

	private UserSummary existing(long id) {
		return this.accounts.user(id).orElseThrow(() -> new NotFoundException("user.notFound", id));
	}

	record UserForm(@NotBlank @Size(max = 100) String username, @Size(max = 200) @Nullable String fullName,
			@NotBlank String password, @NotNull Role role, @NotNull Language language) {
	}

}
