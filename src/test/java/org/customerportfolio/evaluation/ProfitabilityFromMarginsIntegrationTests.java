package org.customerportfolio.evaluation;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import org.customerportfolio.IntegrationTest;
import org.customerportfolio.customer.CustomerManagement;
import org.customerportfolio.customer.CustomerMother;
import org.customerportfolio.customer.CustomerView;
import org.customerportfolio.invoicing.ImportSettings;
import org.customerportfolio.invoicing.InvoiceImport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where costs are imported, the profitability criterion takes its level from the actual
 * margin, and the current rating says so.
 */
@IntegrationTest
@Tag("persistence")
class ProfitabilityFromMarginsIntegrationTests {

	@Autowired
	private EvaluationManagement evaluations;

	@Autowired
	private CustomerManagement customers;

	@Autowired
	private InvoiceImport imports;

	@Test
	void actualMarginsOverruleTheRatedProfitability() throws Exception {
		CustomerView customer = this.customers.register(CustomerMother.customer().details(), "test");
		this.evaluations.record(customer.id(),
				Map.of("profitability", List.of("low"), "sales_potential", List.of("high")), null, "anna");
		// 25 % margin over the last twelve months: "high" at the default threshold of 20
		// %
		String date = DateTimeFormatter.ISO_LOCAL_DATE.format(LocalDate.now().minusMonths(2).withDayOfMonth(10));
		Path file = Path.of("target", "margins-" + customer.id() + ".csv");
		Files.createDirectories(file.getParent());
		Files.writeString(file, """
				customer ref,invoice number,invoice date,amount,cost
				%1$s,M-%2$d-1,%3$s,1000.00,750.00
				%1$s,M-%2$d-2,%3$s,3000.00,2250.00
				""".formatted(customer.externalRef(), customer.id(), date), StandardCharsets.UTF_8);
		this.imports.commit(file, "margins.csv", ImportSettings.automatic(), "test");

		EvaluationManagement.CurrentRating rating = this.evaluations.currentRating(customer.id());

		assertThat(rating.margin()).isNotNull();
		assertThat(rating.margin().margin().percent()).isEqualByComparingTo("25.0");
		assertThat(rating.margin().rating().levelCode()).isEqualTo("high");
		assertThat(rating.ratedProfitability().levelCode()).isEqualTo("low");
		// profitability high (100) and sales potential high (100): 100, where the rating
		// alone gave 50
		assertThat(rating.attractiveness().value()).isEqualTo(100.0);
		assertThat(this.evaluations.current(customer.id()).orElseThrow().attractiveness().value()).isEqualTo(50.0);
	}

	@Test
	void withoutCostsTheRatingStands() {
		CustomerView customer = this.customers.register(CustomerMother.customer().details(), "test");
		this.evaluations.record(customer.id(), Map.of("profitability", List.of("average")), null, "anna");

		EvaluationManagement.CurrentRating rating = this.evaluations.currentRating(customer.id());

		assertThat(rating.margin()).isNull();
		assertThat(rating.attractiveness().value()).isEqualTo(50.0);
	}

}
