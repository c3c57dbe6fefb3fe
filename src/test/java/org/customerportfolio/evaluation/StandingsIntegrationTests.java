package org.customerportfolio.evaluation;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import org.customerportfolio.IntegrationTest;
import org.customerportfolio.criteria.CriteriaManagement;
import org.customerportfolio.criteria.Criterion;
import org.customerportfolio.criteria.CriterionDetails;
import org.customerportfolio.customer.CustomerManagement;
import org.customerportfolio.customer.CustomerMother;
import org.customerportfolio.customer.CustomerView;
import org.customerportfolio.invoicing.ImportSettings;
import org.customerportfolio.invoicing.InvoiceImport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read models of where customers stand and what they were invoiced per year follow
 * evaluations, imports and criteria changes without anyone asking.
 */
@IntegrationTest
@Tag("persistence")
class StandingsIntegrationTests {

	@Autowired
	private EvaluationManagement evaluations;

	@Autowired
	private CustomerManagement customers;

	@Autowired
	private CriteriaManagement criteria;

	@Autowired
	private InvoiceImport imports;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void anEvaluationUpdatesTheCustomersLevelsAndScores() {
		CustomerView customer = this.customers.register(CustomerMother.customer().details(), "test");
		this.evaluations.record(customer.id(), Map.of("relationship_type", List.of("recurring"), "sales_potential",
				List.of("high"), "decision_criteria", List.of("trust", "purchase_price")), null, "anna");

		Map<String, Object> standing = this.jdbc
			.sql("select attractiveness, relationship_strength, rated_criteria, evaluated_by from customer_standing "
					+ "where customer_id = :id")
			.param("id", customer.id())
			.query()
			.singleRow();
		assertThat((BigDecimal) standing.get("attractiveness")).isEqualByComparingTo("100");
		assertThat((BigDecimal) standing.get("relationship_strength")).isEqualByComparingTo("67");
		assertThat(standing.get("rated_criteria")).isEqualTo(3);
		assertThat(standing.get("evaluated_by")).isEqualTo("anna");
		assertThat(level(customer.id(), "relationship_type")).containsEntry("level_code", "recurring")
			.containsEntry("level_position", 2)
			.containsEntry("level_score", 67);
		// several levels: all kept, in the criterion's order, and not scored
		assertThat(level(customer.id(), "decision_criteria")).containsEntry("level_codes", ",purchase_price,trust,")
			.containsEntry("level_score", null);

		this.evaluations.record(customer.id(), Map.of("relationship_type", List.of("at_risk")), null, "bert");

		assertThat(level(customer.id(), "relationship_type")).containsEntry("level_code", "at_risk");
		assertThat(this.jdbc.sql("select count(*) from customer_level where customer_id = :id")
			.param("id", customer.id())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aChangedWeightMovesTheStoredScores() {
		CustomerView customer = this.customers.register(CustomerMother.customer().details(), "test");
		this.evaluations.record(customer.id(),
				Map.of("sales_potential", List.of("high"), "business_outlook", List.of("failing")), null, "anna");
		assertThat(attractiveness(customer.id())).isEqualByComparingTo("50");

		Criterion outlook = this.criteria.byCode("business_outlook").orElseThrow();
		CriterionDetails details = outlook.details();
		this.criteria.change(outlook.id(), outlook.version(),
				new CriterionDetails(details.code(), details.nameNl(), details.nameEn(), details.descriptionNl(),
						details.descriptionEn(), details.kind(), new BigDecimal("3"), details.axis(),
						details.minValue(), details.maxValue(), details.levels()),
				"admin");
		try {
			// (100 × 1 + 0 × 3) / 4
			assertThat(attractiveness(customer.id())).isEqualByComparingTo("25");
		}
		finally {
			Criterion changed = this.criteria.byCode("business_outlook").orElseThrow();
			this.criteria.change(changed.id(), changed.version(), details, "admin");
		}
	}

	@Test
	void anImportKeepsYearlyTotalsAndMarginBasedProfitabilityCurrent() throws Exception {
		CustomerView customer = this.customers.register(CustomerMother.customer().details(), "test");
		LocalDate recent = LocalDate.now().minusMonths(2).withDayOfMonth(10);
		LocalDate yearBefore = recent.minusYears(1);
		Path file = Path.of("target", "standings-" + customer.id() + ".csv");
		Files.createDirectories(file.getParent());
		Files.writeString(file, """
				customer ref,invoice number,invoice date,amount,cost
				%1$s,S-%2$d-1,%3$s,1000.00,950.00
				%1$s,S-%2$d-2,%4$s,400.00,
				%1$s,S-%2$d-3,%4$s,-100.00,
				""".formatted(customer.externalRef(), customer.id(), DateTimeFormatter.ISO_LOCAL_DATE.format(recent),
				DateTimeFormatter.ISO_LOCAL_DATE.format(yearBefore)), StandardCharsets.UTF_8);

		this.imports.commit(file, "standings.csv", ImportSettings.automatic(), "test");

		List<Map<String, Object>> years = this.jdbc
			.sql("select fiscal_year, revenue, margin, lines from revenue_year where customer_id = :id "
					+ "order by fiscal_year")
			.param("id", customer.id())
			.query()
			.listOfRows();
		assertThat(years).hasSize((recent.getYear() == yearBefore.getYear()) ? 1 : 2);
		Map<String, Object> last = years.get(years.size() - 1);
		assertThat(last.get("fiscal_year")).isEqualTo(recent.getYear());
		Map<String, Object> first = years.get(0);
		assertThat((BigDecimal) first.get("revenue")).isEqualByComparingTo("300");
		assertThat(first.get("margin")).isNull();
		assertThat(first.get("lines")).isEqualTo(2);
		// 5 % margin: profitability "low" from the margins, without any evaluation
		assertThat(level(customer.id(), "profitability")).containsEntry("level_code", "low");
		assertThat(this.jdbc.sql("select profitability_from_margins from customer_standing where customer_id = :id")
			.param("id", customer.id())
			.query(Boolean.class)
			.single()).isTrue();
	}

	private BigDecimal attractiveness(long customerId) {
		return this.jdbc.sql("select attractiveness from customer_standing where customer_id = :id")
			.param("id", customerId)
			.query(BigDecimal.class)
			.single();
	}

	private Map<String, Object> level(long customerId, String criterion) {
		return this.jdbc.sql("""
				select l.level_code, l.level_codes, l.level_position, l.level_score from customer_level l
				join criterion c on c.id = l.criterion_id where l.customer_id = :id and c.code = :code
				""").param("id", customerId).param("code", criterion).query().singleRow();
	}

}
