package org.customerportfolio.customer.web;

import org.customerportfolio.account.AccountManagement;
import org.customerportfolio.account.PortfolioUser;
import org.customerportfolio.customer.ContactRole;
import org.customerportfolio.customer.CustomerManagement;
import org.customerportfolio.customer.CustomerView;
import org.customerportfolio.customer.TeamRole;
import org.customerportfolio.shared.EditConflictException;
import org.customerportfolio.shared.FormErrors;
import org.customerportfolio.shared.InvalidInputException;
import org.customerportfolio.shared.RuleViolation;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The people in a relationship: contacts on the customer's side and team members on ours.
 */
@Controller
@RequestMapping("/customers/{customerId}")
class RelationshipPeopleController {

	private final CustomerManagement customers;

	private final AccountManagement accounts;

	RelationshipPeopleController(CustomerManagement customers, AccountManagement accounts) {
		this.customers = customers;
		this.accounts = accounts;
	}

	@ModelAttribute
	void referenceData(@PathVariable long customerId, Model model) {
		CustomerView customer = this.customers.customer(customerId);
		model.addAttribute("customer", customer);
		model.addAttribute("contactRoles", ContactRole.values());
		model.addAttribute("teamRoles", TeamRole.values());
		model.addAttribute("users", this.accounts.enabledUsers());
	}

	@GetMapping("/contacts/new")
	String newContact(@ModelAttribute("customer") CustomerView customer, Model model) {
		requireActive(customer);
		model.addAttribute("form", ContactForm.empty());
		return "customer/contact-form";
	}

	@PostMapping("/contacts")
	String addContact(@PathVariable long customerId, @ModelAttribute("form") ContactForm form, BindingResult binding,
			@AuthenticationPrincipal PortfolioUser user, RedirectAttributes redirect) {
		if (binding.hasErrors()) {
			return "customer/contact-form";
		}
		try {
			this.customers.addContact(customerId, form.details(), user.getUsername());
		}
		catch (InvalidInputException ex) {
			FormErrors.rejectAll(binding, ex);
			return "customer/contact-form";
		}
		redirect.addFlashAttribute("message", "contact.added");
		return "redirect:/customers/" + customerId + "#contacts";
	}

	@GetMapping("/contacts/{contactId}/edit")
	String editContact(@PathVariable long customerId, @PathVariable long contactId, Model model) {
		model.addAttribute("form", ContactForm.of(this.customers.contact(customerId, contactId)));
		model.addAttribute("contactId", contactId);
		return "customer/contact-form";
	}

	@PostMapping("/contacts/{contactId}")
	String updateContact(@PathVariable long customerId, @PathVariable long contactId,
			@ModelAttribute("form") ContactForm form, BindingResult binding,
			@AuthenticationPrincipal PortfolioUser user, Model model, RedirectAttributes redirect) {
		model.addAttribute("contactId", contactId);
		if (binding.hasErrors()) {
			return "customer/contact-form";
		}
		try {
			this.customers.updateContact(customerId, contactId, (form.version() != null) ? form.version() : -1,
					form.details(), user.getUsername());
		}
		catch (InvalidInputException ex) {
			FormErrors.rejectAll(binding, ex);
			return "customer/contact-form";
		}
		catch (EditConflictException ex) {
			model.addAttribute("form", form.withVersion(ex.currentVersion()));
			model.addAttribute("conflict", ex.changesSince());
			return "customer/contact-form";
		}
		redirect.addFlashAttribute("message", "contact.saved");
		return "redirect:/customers/" + customerId + "#contacts";
	}

	@PostMapping("/contacts/{contactId}/remove")
	String removeContact(@PathVariable long customerId, @PathVariable long contactId,
			@AuthenticationPrincipal PortfolioUser user, RedirectAttributes redirect) {
		this.customers.removeContact(customerId, contactId, user.getUsername());
		redirect.addFlashAttribute("message", "contact.removed");
		return "redirect:/customers/" + customerId + "#contacts";
	}

	@GetMapping("/team/new")
	String newTeamMember(@ModelAttribute("customer") CustomerView customer, Model model) {
		requireActive(customer);
		model.addAttribute("form", TeamMemberForm.empty());
		return "customer/team-form";
	}

	@PostMapping("/team")
	String addTeamMember(@PathVariable long customerId, @ModelAttribute("form") TeamMemberForm form,
			BindingResult binding, @AuthenticationPrincipal PortfolioUser user, RedirectAttributes redirect) {
		if (binding.hasErrors()) {
			return "customer/team-form";
		}
		try {
			this.customers.addTeamMember(customerId, form.details(), user.getUsername());
		}
		catch (InvalidInputException ex) {
			FormErrors.rejectAll(binding, ex);
			return "customer/team-form";
		}
		redirect.addFlashAttribute("message", "teamMember.added");
		return "redirect:/customers/" + customerId + "#team";
	}

	@GetMapping("/team/{memberId}/edit")
	String editTeamMember(@PathVariable long customerId, @PathVariable long memberId, Model model) {
		model.addAttribute("form", TeamMemberForm.of(this.customers.teamMember(customerId, memberId)));
		model.addAttribute("memberId", memberId);
		return "customer/team-form";
	}

	@PostMapping("/team/{memberId}")
	String updateTeamMember(@PathVariable long customerId, @PathVariable long memberId,
			@ModelAttribute("form") TeamMemberForm form, BindingResult binding,
			@AuthenticationPrincipal PortfolioUser user, Model model, RedirectAttributes redirect) {
		model.addAttribute("memberId", memberId);
		if (binding.hasErrors()) {
			return "customer/team-form";
		}
		try {
			this.customers.updateTeamMember(customerId, memberId, (form.version() != null) ? form.version() : -1,
					form.details(), user.getUsername());
		}
		catch (InvalidInputException ex) {
			FormErrors.rejectAll(binding, ex);
			return "customer/team-form";
		}
		catch (EditConflictException ex) {
			model.addAttribute("form", form.withVersion(ex.currentVersion()));
			model.addAttribute("conflict", ex.changesSince());
			return "customer/team-form";
		}
		redirect.addFlashAttribute("message", "teamMember.saved");
		return "redirect:/customers/" + customerId + "#team";
	}

	@PostMapping("/team/{memberId}/remove")
	String removeTeamMember(@PathVariable long customerId, @PathVariable long memberId,
			@AuthenticationPrincipal PortfolioUser user, RedirectAttributes redirect) {
		this.customers.removeTeamMember(customerId, memberId, user.getUsername());
		redirect.addFlashAttribute("message", "teamMember.removed");
		return "redirect:/customers/" + customerId + "#team";
	}

	private static void requireActive(CustomerView customer) {
		if (customer.archived()) {
			throw new RuleViolation(null, "customer.archived.refused");
		}
	}

}
