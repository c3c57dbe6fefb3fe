package org.customerportfolio.retention.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.customerportfolio.customer.CustomerManagement;
import org.customerportfolio.retention.EarlyWarning;
import org.customerportfolio.retention.EarlyWarnings;
import org.customerportfolio.retention.WarningKind;
import org.customerportfolio.retention.WarningSetting;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Early warnings for integrations: all of the active portfolio (optionally of one kind or
 * one account manager), or one customer's, with the thresholds in force.
 */
@RestController
@RequestMapping(path = "/api/v1", produces = "application/json")
@Tag(name = "Warnings", description = "Relationships that need attention, each with the rule that raised it")
class WarningsApi {

	static final int MAX_SIZE = 1000;

	private final EarlyWarnings warnings;

	private final CustomerManagement customers;

	WarningsApi(EarlyWarnings warnings, CustomerManagement customers) {
		this.warnings = warnings;
		this.customers = customers;
	}

	@GetMapping("/warnings")
	@Operation(summary = "Current warnings of the active portfolio, by customer name, a page at a time (size at most "
			+ "1000): kind, customer and the figure that raised it (revenue change %, score points dropped, months "
			+ "since evaluation, share of revenue %)")
	WarningsPage all(@RequestParam(required = false) @Nullable WarningKind kind,
			@RequestParam(required = false) @Nullable Long accountManager,
			@RequestParam(required = false) @Nullable Integer page,
			@RequestParam(required = false) @Nullable Integer size) {
		List<EarlyWarning> warnings = this.warnings.currentAndRecorded()
			.stream()
			.filter((warning) -> kind == null || warning.kind() == kind)
			.filter((warning) -> accountManager == null || accountManager.equals(warning.accountManagerId()))
			.toList();
		int pageSize = (size != null) ? Math.max(1, Math.min(MAX_SIZE, size)) : MAX_SIZE;
		int pageNumber = (page != null) ? Math.max(0, page) : 0;
		int from = (int) Math.min(warnings.size(), (long) pageNumber * pageSize);
		return new WarningsPage(warnings.subList(from, Math.min(warnings.size(), from + pageSize)), pageNumber,
				pageSize, warnings.size(), this.warnings.settings());
	}

	/**
	 * A page of warnings (by customer name), how many there are in all, and the rules.
	 */
	record WarningsPage(List<EarlyWarning> warnings, int page, int size, long totalElements,
			List<WarningSetting> rules) {
	}

	@GetMapping("/customers/{id}/warnings")
	@Operation(summary = "One customer's current warnings (its badges)")
	WarningsResponse customer(@PathVariable long id) {
		this.customers.customer(id);
		return new WarningsResponse(this.warnings.of(id), this.warnings.settings());
	}

	record WarningsResponse(List<EarlyWarning> warnings, List<WarningSetting> rules) {
	}

}
