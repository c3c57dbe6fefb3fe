package org.customerportfolio.analysis.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

import org.customerportfolio.account.AccountManagement;
import org.customerportfolio.account.UserSummary;
import org.customerportfolio.analysis.AnalysisFilter;
import org.customerportfolio.analysis.readmodel.PortfolioReadModel;
import org.customerportfolio.customer.BusinessType;
import org.customerportfolio.customer.CustomerManagement;
import org.customerportfolio.customer.CustomerStatus;
import org.customerportfolio.shared.InvalidInputException;
import org.customerportfolio.shared.Language;
import org.jspecify.annotations.Nullable;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What the filter bar of the analysis pages offers (years, business types, account
 * managers, tags, statuses), and how a page reads the filter: a value it cannot read
 * becomes a message on the page, never an error page.
 */
@Component
class FilterOptions {

	private final PortfolioReadModel readModel;

	private final CustomerManagement customers;

	private final AccountManagement accounts;

	FilterOptions(PortfolioReadModel readModel, CustomerManagement customers, AccountManagement accounts) {
		this.readModel = readModel;
		this.customers = customers;
		this.accounts = accounts;
	}

	/**
	 * Adds the filter bar's options and the form to the model and answers the filter, or
	 * nothing (with the problems in the model as {@code filterProblems}) when it cannot
	 * be read.
	 */
	@Nullable AnalysisFilter addTo(Model model, FilterForm form) {
		Language language = Language.of(LocaleContextHolder.getLocale());
		Map<String, String> types = new LinkedHashMap<>();
		for (BusinessType type : this.customers.businessTypes()) {
			types.put(type.code(), type.label(language));
		}
		Map<Long, String> managers = new LinkedHashMap<>();
		for (UserSummary user : this.accounts.users()) {
			managers.put(user.id(), user.displayName());
		}
		model.addAttribute("form", form);
		model.addAttribute("years", this.readModel.years());
		model.addAttribute("businessTypeLabels", types);
		model.addAttribute("managers", managers);
		model.addAttribute("tags", this.customers.tags());
		model.addAttribute("statuses", CustomerStatus.values());
		try {
			return form.filter();
		}
		catch (InvalidInputException ex) {
			model.addAttribute("filterProblems", ex.violations());
			return null;
		}
	}

	/**
	 * Adds the problems of a request value other than the filter (a measure, a grouping).
	 */
	static void problems(Model model, InvalidInputException ex) {
		model.addAttribute("filterProblems", ex.violations());
	}

	/** A path with the filter (and the extra parameters) as its query. */
	static String link(String path, FilterForm form, Map<String, String> extra) {
		Map<String, String> parameters = new LinkedHashMap<>(form.parameters());
		parameters.putAll(extra);
		StringJoiner query = new StringJoiner("&", path + "?", "").setEmptyValue(path);
		parameters.forEach((name, value) -> query.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8)));
		return query.toString();
	}

}
