package org.customerportfolio.example.web;

import org.customerportfolio.account.PortfolioUser;
import org.customerportfolio.example.ExamplePortfolio;
import org.customerportfolio.example.ExamplePortfolio.Loaded;
import org.customerportfolio.shared.Language;
import org.customerportfolio.shared.RuleViolation;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The empty dashboard's offer to an administrator: load the example portfolio, in the
 * language the page is shown in, and land on the dashboard it fills.
 */
@Controller
class ExamplePortfolioController {

	private final ExamplePortfolio examples;

	ExamplePortfolioController(ExamplePortfolio examples) {
		this.examples = examples;
	}

	@PostMapping("/admin/example-portfolio")
	String load(@AuthenticationPrincipal PortfolioUser user, RedirectAttributes redirect) {
		try {
			Loaded loaded = this.examples.loadExample(Language.of(LocaleContextHolder.getLocale()), user.getUsername());
			redirect.addFlashAttribute("message", "example.loaded");
			redirect.addFlashAttribute("exampleLoaded", loaded);
		}
		catch (RuleViolation ex) {
			redirect.addFlashAttribute("error", ex.code());
			redirect.addFlashAttribute("errorArguments", ex.arguments());
		}
		return "redirect:/";
	}

}
