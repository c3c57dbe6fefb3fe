package org.customerportfolio.example.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.customerportfolio.account.PortfolioUser;
import org.customerportfolio.example.ExamplePortfolio;
import org.customerportfolio.example.ExamplePortfolio.Loaded;
import org.customerportfolio.shared.InvalidInputException;
import org.customerportfolio.shared.Language;
import org.customerportfolio.shared.RuleViolation;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Loads the example portfolio into an empty installation, for scripts that set up a demo
 * or a trial.
 */
@RestController
@RequestMapping(path = "/api/v1/admin", produces = "application/json")
@Tag(name = "Example portfolio", description = "An invented portfolio to try the application with")
class ExamplePortfolioApi {

	private final ExamplePortfolio examples;

	ExamplePortfolioApi(ExamplePortfolio examples) {
		this.examples = examples;
	}

	@PostMapping("/example-portfolio")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Load the example portfolio",
			description = "Administrators only. Creates about 150 customers of a fictional Dutch engineering firm with "
					+ "five years of invoices, evaluations and plans; language=nl|en (default: the caller's). Refused "
					+ "with 409 when the database holds customers or invoice lines.")
	LoadedResponse load(@RequestParam(required = false) @Nullable String language,
			@AuthenticationPrincipal PortfolioUser user) {
		Language chosen = user.language();
		if (language != null && !language.isBlank()) {
			chosen = Language.fromCode(language)
				.orElseThrow(() -> new InvalidInputException(
						java.util.List.of(new RuleViolation("language", "example.language.unknown", language))));
		}
		Loaded loaded = this.examples.loadExample(chosen, user.getUsername());
		return new LoadedResponse(loaded.customers(), loaded.lines(), loaded.evaluations(), loaded.users(),
				loaded.millis());
	}

	record LoadedResponse(int customers, long invoiceLines, int evaluations, int usersCreated, long millis) {
	}

}
