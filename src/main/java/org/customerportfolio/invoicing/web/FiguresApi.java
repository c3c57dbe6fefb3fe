package org.customerportfolio.invoicing.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.customerportfolio.customer.CustomerManagement;
import org.customerportfolio.invoicing.RevenueFigures;
import org.customerportfolio.invoicing.RevenueFigures.CustomerFigures;
import org.customerportfolio.invoicing.RevenueFigures.CustomerYear;
import org.customerportfolio.shared.InvalidInputException;
import org.customerportfolio.shared.PageQuery;
import org.customerportfolio.shared.PageSlice;
import org.customerportfolio.shared.RuleViolation;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Revenue figures for integrations: one customer's years and projection, or
 * customer-years page by page.
 */
@RestController
@RequestMapping(path = "/api/v1", produces = "application/json")
@Tag(name = "Figures", description = "Revenue, margin, change and projection from the imported invoice lines")
class FiguresApi {

	private final RevenueFigures figures;

	private final CustomerManagement customers;

	FiguresApi(RevenueFigures figures, CustomerManagement customers) {
		this.figures = figures;
		this.customers = customers;
	}

	@GetMapping("/customers/{id}/figures")
	@Operation(summary = "A customer's revenue per year (with category, margin and change), trailing twelve "
			+ "months and projection")
	CustomerFigures customer(@PathVariable long id) {
		this.customers.customer(id);
		return this.figures.customer(id);
	}

	@GetMapping("/figures")
	@Operation(summary = "One row per customer and year with revenue and margin, paged (size at most 200)")
	PageResponse<CustomerYear> customerYears(@RequestParam int from, @RequestParam int to,
			@RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer size) {
		if (from < 1900 || to > 2200 || from > to) {
			throw new InvalidInputException(List.of(new RuleViolation("from", "figures.years.invalid")));
		}
		PageQuery query = PageQuery.of(page, size, null, java.util.Set.of(), "customer");
		PageSlice<CustomerYear> slice = this.figures.customerYears(from, to, query.page(), query.size());
		return new PageResponse<>(slice.content(), slice.page(), slice.size(), slice.totalElements(),
				slice.totalPages());
	}

	record PageResponse<T>(List<T> content, int page, int size, long totalElements, int totalPages) {
	}

}
