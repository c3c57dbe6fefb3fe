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

	private final EarlyWarnings warnings;

	private final CustomerManagement customers;

	WarningsApi(EarlyWarnings warnings, CustomerManagement customers) {
		this.warnings = warnings;
		this.customers = customers;
	}

	@GetMapping("/warnings")
	@Operation(summary = "Current warnings of the active portfolio: kind, customer and the figure that raised it "
			+ "(revenue change %, score points dropped, months since evaluation, share of revenue %)")
	WarningsResponse all(@RequestParam(required = false) @Nullable WarningKind kind,
			@RequestParam(required = false) @Nullable Long accountManager) {
		List<EarlyWarning> warnings = this.warnings.currentAndRecorded()
			.stream()
			.filter((warning) -> kind == null || warning.kind() == kind)
			.filter((warning) -> accountManager == null || accountManager.equals(warning.accountManagerId()))
			.toList();
		return new WarningsResponse(warnings, this.warnings.settings());
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
