package org.customerportfolio.invoicing.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.customerportfolio.account.PortfolioUser;
import org.customerportfolio.customer.CustomerManagement;
import org.customerportfolio.invoicing.DecimalMark;
import org.customerportfolio.invoicing.ManualProjections;
import org.customerportfolio.invoicing.RevenueFigures;
import org.customerportfolio.invoicing.RevenueFigures.YearFigures;
import org.customerportfolio.invoicing.ServiceCategory;
import org.customerportfolio.invoicing.ServiceCategoryCatalogue;
import org.customerportfolio.shared.InvalidInputException;
import org.customerportfolio.shared.Language;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Revenue figures on the pages: a customer's years, categories, change and projections (a
 * fragment on the customer page), and the portfolio's totals per year and category.
 */
@Controller
class FiguresController {

	private final RevenueFigures figures;

	private final ManualProjections projections;

	private final ServiceCategoryCatalogue categories;

	private final CustomerManagement customers;

	private final JsonMapper json;

	FiguresController(RevenueFigures figures, ManualProjections projections, ServiceCategoryCatalogue categories,
			CustomerManagement customers, JsonMapper json) {
		this.figures = figures;
		this.projections = projections;
		this.categories = categories;
		this.customers = customers;
		this.json = json;
	}

	@GetMapping("/customers/{customerId}/figures")
	String customer(@PathVariable long customerId, Model model) {
		var customer = this.customers.customer(customerId);
		var figures = this.figures.customer(customerId);
		model.addAttribute("customer", customer);
		model.addAttribute("figures", figures);
		model.addAttribute("manual", this.projections.latest(customerId).orElse(null));
		chart(model, figures.years());
		return "invoicing/figures :: card";
	}

	@PostMapping("/customers/{customerId}/projection")
	String project(@PathVariable long customerId, @RequestParam(required = false) @Nullable String amount,
			@RequestParam(required = false) @Nullable String note, @AuthenticationPrincipal PortfolioUser user,
			RedirectAttributes redirect) {
		try {
			this.projections.record(customerId, amount(amount), note, user.getUsername());
			redirect.addFlashAttribute("message", "projection.saved");
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("error", ex.violations().get(0).code());
			redirect.addFlashAttribute("errorArguments", ex.violations().get(0).arguments());
		}
		return "redirect:/customers/" + customerId + "#figures";
	}

	@GetMapping("/figures")
	String portfolio(Model model) {
		List<YearFigures> years = this.figures.portfolio();
		model.addAttribute("years", years);
		model.addAttribute("categoryTotals", this.figures.categoryTotals(null));
		chart(model, years);
		return "invoicing/portfolio";
	}

	private void chart(Model model, List<YearFigures> years) {
		Language language = Language.of(LocaleContextHolder.getLocale());
		Map<String, String> labels = new LinkedHashMap<>();
		for (ServiceCategory category : this.categories.all()) {
			labels.put(category.code(), category.label(language));
		}
		Set<String> used = new LinkedHashSet<>();
		years.forEach((year) -> used.addAll(year.byCategory().keySet()));
		List<Map<String, Object>> series = new ArrayList<>();
		for (String category : used) {
			List<BigDecimal> values = years.stream()
				.map((year) -> year.byCategory().getOrDefault(category, BigDecimal.ZERO))
				.toList();
			series.add(
					Map.of("name", labels.getOrDefault(category, category.isEmpty() ? "—" : category), "data", values));
		}
		model.addAttribute("categoryLabels", labels);
		model.addAttribute("chart", this.json.writeValueAsString(
				Map.of("years", years.stream().map((year) -> String.valueOf(year.year())).toList(), "series", series)));
	}

	/**
	 * An amount as the user's language writes it: 125.000,50 in Dutch, 125,000.50 in
	 * English.
	 */
	private static @Nullable BigDecimal amount(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		DecimalMark mark = (Language.of(LocaleContextHolder.getLocale()) == Language.NL) ? DecimalMark.COMMA
				: DecimalMark.POINT;
		char decimal = (mark == DecimalMark.COMMA) ? ',' : '.';
		if (text.strip().matches("-?\\d{1,3}\\" + decimal + "\\d{3}")) {
			// 125.000 typed in English (or 125,000 in Dutch): thousands in the other
			// language, so ask again
			return null;
		}
		return mark.parse(text);
	}

}
