package org.customerportfolio.customer.web;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.customerportfolio.account.AccountManagement;
import org.customerportfolio.account.PortfolioUser;
import org.customerportfolio.audit.AuditLog;
import org.customerportfolio.customer.BusinessType;
import org.customerportfolio.customer.ContactRole;
import org.customerportfolio.customer.CustomerFilter;
import org.customerportfolio.customer.CustomerManagement;
import org.customerportfolio.customer.CustomerStatus;
import org.customerportfolio.customer.CustomerView;
import org.customerportfolio.customer.TeamRole;
import org.customerportfolio.shared.EditConflictException;
import org.customerportfolio.shared.FormErrors;
import org.customerportfolio.shared.InvalidInputException;
import org.customerportfolio.shared.Language;
import org.customerportfolio.shared.PageQuery;
import org.jspecify.annotations.Nullable;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The customer pages: the searchable list, the customer's page with contacts, team and
 * audit log, and the forms that register, change, archive and restore customers.
 */
@Controller
class CustomerController {

	private final CustomerManagement customers;

	private final AccountManagement accounts;

	private final AuditLog audit;

	CustomerController(CustomerManagement customers, AccountManagement accounts, AuditLog audit) {
		this.customers = customers;
		this.accounts = accounts;
		this.audit = audit;
	}

	@ModelAttribute
	void referenceData(Model model) {
		Language language = Language.of(LocaleContextHolder.getLocale());
		Map<String, String> types = new LinkedHashMap<>();
		for (BusinessType type : this.customers.businessTypes()) {
			types.put(type.code(), type.label(language));
		}
		model.addAttribute("businessTypeLabels", types);
		model.addAttribute("activeBusinessTypes",
				this.customers.businessTypes().stream().filter(BusinessType::active).toList());
		model.addAttribute("statuses", CustomerStatus.values());
		model.addAttribute("contactRoles", ContactRole.values());
		model.addAttribute("teamRoles", TeamRole.values());
		model.addAttribute("language", language);
	}

	@GetMapping("/customers")
	String list(@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable String businessType,
			@RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable Long manager,
			@RequestParam(required = false) @Nullable String tag,
			@RequestParam(defaultValue = "false") boolean archived,
			@RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer size,
			@RequestParam(required = false) @Nullable String sort, HttpServletRequest request, Model model) {
		CustomerFilter filter = new CustomerFilter(q, blankToNull(businessType), listedStatus(status), manager,
				blankToNull(tag), archived);
		PageQuery pageQuery = PageQuery.of(page, (size != null) ? size : 50, sort, CustomerManagement.sortableFields(),
				"name");
		model.addAttribute("filter", filter);
		model.addAttribute("pageQuery", pageQuery);
		model.addAttribute("customers", this.customers.search(filter, pageQuery));
		model.addAttribute("users", this.accounts.users());
		model.addAttribute("tags", this.customers.tags());
		boolean htmx = request.getHeader("HX-Request") != null && request.getHeader("HX-Boosted") == null;
		model.addAttribute("htmx", htmx);
		if (htmx) {
			return "customer/list :: results";
		}
		return "customer/list";
	}

	/**
	 * The list shows the active portfolio unless a status is chosen: ended relationships
	 * leave the working views but stay one choice away ({@code status=} lists every
	 * status), as in the portfolio sheet.
	 */
	private static @Nullable CustomerStatus listedStatus(@Nullable String status) {
		if (status == null) {
			return CustomerStatus.ACTIVE;
		}
		for (CustomerStatus candidate : CustomerStatus.values()) {
			if (candidate.name().equalsIgnoreCase(status.strip())) {
				return candidate;
			}
		}
		return null;
	}

	@GetMapping("/customers/new")
	String newCustomer(@AuthenticationPrincipal PortfolioUser user, Model model) {
		model.addAttribute("form", CustomerForm.empty(user.id()));
		return form(model, null);
	}

	@PostMapping("/customers")
	String create(@ModelAttribute("form") CustomerForm form, BindingResult binding,
			@AuthenticationPrincipal PortfolioUser user, Model model, RedirectAttributes redirect) {
		if (binding.hasErrors()) {
			return form(model, null);
		}
		try {
			CustomerView customer = this.customers.register(form.details(), user.getUsername());
			redirect.addFlashAttribute("message", "customer.created");
			return "redirect:/customers/" + customer.id();
		}
		catch (InvalidInputException ex) {
			FormErrors.rejectAll(binding, ex);
			return form(model, null);
		}
	}

	@GetMapping("/customers/{id}")
	String show(@PathVariable long id, Model model) {
		CustomerView customer = this.customers.customer(id);
		model.addAttribute("customer", customer);
		model.addAttribute("contacts", this.customers.contacts(id));
		model.addAttribute("team", this.customers.team(id));
		model.addAttribute("auditEntries", this.audit.ofCustomer(id, 200));
		return "customer/show";
	}

	@GetMapping("/customers/{id}/edit")
	String edit(@PathVariable long id, Model model) {
		CustomerView customer = this.customers.customer(id);
		model.addAttribute("form", CustomerForm.of(customer));
		return form(model, customer);
	}

	@PostMapping("/customers/{id}")
	String update(@PathVariable long id, @ModelAttribute("form") CustomerForm form, BindingResult binding,
			@AuthenticationPrincipal PortfolioUser user, Model model, RedirectAttributes redirect) {
		CustomerView customer = this.customers.customer(id);
		if (binding.hasErrors()) {
			return form(model, customer);
		}
		try {
			this.customers.update(id, (form.version() != null) ? form.version() : -1, form.details(),
					user.getUsername());
			redirect.addFlashAttribute("message", "customer.saved");
			return "redirect:/customers/" + id;
		}
		catch (InvalidInputException ex) {
			FormErrors.rejectAll(binding, ex);
			return form(model, customer);
		}
		catch (EditConflictException ex) {
			model.addAttribute("form", form.withVersion(ex.currentVersion()));
			model.addAttribute("conflict", ex.changesSince());
			return form(model, customer);
		}
	}

	@PostMapping("/customers/{id}/archive")
	String archive(@PathVariable long id, @AuthenticationPrincipal PortfolioUser user, RedirectAttributes redirect) {
		this.customers.archive(id, user.getUsername());
		redirect.addFlashAttribute("message", "customer.archivedMessage");
		return "redirect:/customers/" + id;
	}

	@PostMapping("/customers/{id}/restore")
	String restore(@PathVariable long id, @AuthenticationPrincipal PortfolioUser user, RedirectAttributes redirect) {
		this.customers.restore(id, user.getUsername());
		redirect.addFlashAttribute("message", "customer.restoredMessage");
		return "redirect:/customers/" + id;
	}

	private String form(Model model, @Nullable CustomerView customer) {
		Locale locale = LocaleContextHolder.getLocale();
		Map<String, String> countries = new LinkedHashMap<>();
		List.of(Locale.getISOCountries())
			.stream()
			.sorted(Comparator.comparing((String code) -> new Locale("", code).getDisplayCountry(locale)))
			.forEach((code) -> countries.put(code, new Locale("", code).getDisplayCountry(locale)));
		model.addAttribute("countries", countries);
		model.addAttribute("users", this.accounts.enabledUsers());
		model.addAttribute("customer", customer);
		return "customer/form";
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

}
