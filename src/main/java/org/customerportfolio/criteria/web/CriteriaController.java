package org.customerportfolio.criteria.web;

import org.customerportfolio.account.PortfolioUser;
import org.customerportfolio.criteria.Axis;
import org.customerportfolio.criteria.CriteriaManagement;
import org.customerportfolio.criteria.Criterion;
import org.customerportfolio.criteria.CriterionKind;
import org.customerportfolio.shared.EditConflictException;
import org.customerportfolio.shared.FormErrors;
import org.customerportfolio.shared.InvalidInputException;
import org.customerportfolio.shared.Language;

import org.springframework.context.i18n.LocaleContextHolder;
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
 * Administrators manage the criteria: create, edit (names, descriptions, weight, axis,
 * levels), reorder, retire and reinstate.
 */
@Controller
@RequestMapping("/admin/criteria")
class CriteriaController {

	private final CriteriaManagement criteria;

	CriteriaController(CriteriaManagement criteria) {
		this.criteria = criteria;
	}

	@ModelAttribute
	void referenceData(Model model) {
		model.addAttribute("kinds", CriterionKind.values());
		model.addAttribute("axes", Axis.values());
		model.addAttribute("language", Language.of(LocaleContextHolder.getLocale()));
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("criteria", this.criteria.all());
		return "criteria/list";
	}

	@GetMapping("/new")
	String newCriterion(Model model) {
		model.addAttribute("form", CriterionForm.empty());
		return "criteria/form";
	}

	@PostMapping
	String create(@ModelAttribute("form") CriterionForm form, BindingResult binding,
			@AuthenticationPrincipal PortfolioUser user, RedirectAttributes redirect) {
		if (binding.hasErrors()) {
			return "criteria/form";
		}
		try {
			this.criteria.create(form.details(), user.getUsername());
		}
		catch (InvalidInputException ex) {
			FormErrors.rejectAll(binding, ex);
			form.withSpareRows();
			return "criteria/form";
		}
		redirect.addFlashAttribute("message", "criterion.created");
		return "redirect:/admin/criteria";
	}

	@GetMapping("/{id}/edit")
	String edit(@PathVariable long id, Model model) {
		Criterion criterion = this.criteria.criterion(id);
		model.addAttribute("criterion", criterion);
		model.addAttribute("form", CriterionForm.of(criterion));
		return "criteria/form";
	}

	@PostMapping("/{id}")
	String update(@PathVariable long id, @ModelAttribute("form") CriterionForm form, BindingResult binding,
			@AuthenticationPrincipal PortfolioUser user, Model model, RedirectAttributes redirect) {
		Criterion criterion = this.criteria.criterion(id);
		model.addAttribute("criterion", criterion);
		if (binding.hasErrors()) {
			return "criteria/form";
		}
		try {
			this.criteria.change(id, (form.getVersion() != null) ? form.getVersion() : -1, form.details(),
					user.getUsername());
		}
		catch (InvalidInputException ex) {
			FormErrors.rejectAll(binding, ex);
			form.withSpareRows();
			return "criteria/form";
		}
		catch (EditConflictException ex) {
			form.setVersion(ex.currentVersion());
			model.addAttribute("conflict", ex.changesSince());
			return "criteria/form";
		}
		redirect.addFlashAttribute("message", "criterion.saved");
		return "redirect:/admin/criteria";
	}

	@PostMapping("/{id}/retire")
	String retire(@PathVariable long id, @AuthenticationPrincipal PortfolioUser user, RedirectAttributes redirect) {
		this.criteria.retire(id, user.getUsername());
		redirect.addFlashAttribute("message", "criterion.retiredMessage");
		return "redirect:/admin/criteria";
	}

	@PostMapping("/{id}/reinstate")
	String reinstate(@PathVariable long id, @AuthenticationPrincipal PortfolioUser user, RedirectAttributes redirect) {
		this.criteria.reinstate(id, user.getUsername());
		redirect.addFlashAttribute("message", "criterion.reinstated");
		return "redirect:/admin/criteria";
	}

	@PostMapping("/{id}/move")
	String move(@PathVariable long id, @RequestParam String direction) {
		this.criteria.move(id, "up".equals(direction));
		return "redirect:/admin/criteria";
	}

}
