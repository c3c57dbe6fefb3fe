package org.customerportfolio.customer.web;

import org.customerportfolio.account.PortfolioUser;
import org.customerportfolio.customer.BusinessTypeCatalogue;
import org.customerportfolio.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Administrators keep the list of business types: add, relabel, reorder, retire.
 */
@Controller
@RequestMapping("/admin/business-types")
class BusinessTypeController {

	private final BusinessTypeCatalogue catalogue;

	BusinessTypeController(BusinessTypeCatalogue catalogue) {
		this.catalogue = catalogue;
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("items", this.catalogue.all());
		model.addAttribute("listTitle", "businessTypes.title");
		model.addAttribute("listHelp", "businessTypes.help");
		model.addAttribute("addTitle", "businessTypes.add");
		model.addAttribute("basePath", "/admin/business-types");
		return "labelled-list";
	}

	@PostMapping
	String add(@RequestParam(defaultValue = "") String code, @RequestParam(defaultValue = "") String labelNl,
			@RequestParam(defaultValue = "") String labelEn, @AuthenticationPrincipal PortfolioUser user,
			RedirectAttributes redirect) {
		return act(redirect, "businessType.added",
				() -> this.catalogue.add(code, labelNl, labelEn, user.getUsername()));
	}

	@PostMapping("/{id}")
	String update(@PathVariable long id, @RequestParam(defaultValue = "") String labelNl,
			@RequestParam(defaultValue = "") String labelEn, @RequestParam int position,
			@RequestParam(required = false) @Nullable Boolean active, @AuthenticationPrincipal PortfolioUser user,
			RedirectAttributes redirect) {
		return act(redirect, "businessType.saved", () -> this.catalogue.update(id, labelNl, labelEn, position,
				Boolean.TRUE.equals(active), user.getUsername()));
	}

	private static String act(RedirectAttributes redirect, String success, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("message", success);
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("error", ex.violations().get(0).code());
			redirect.addFlashAttribute("errorArguments", ex.violations().get(0).arguments());
		}
		return "redirect:/admin/business-types";
	}

}
