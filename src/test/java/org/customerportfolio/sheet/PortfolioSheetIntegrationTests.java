package org.customerportfolio.sheet;

import java.util.List;
import java.util.Map;

import org.customerportfolio.IntegrationTest;
import org.customerportfolio.customer.CustomerManagement;
import org.customerportfolio.customer.CustomerMother;
import org.customerportfolio.customer.CustomerView;
import org.customerportfolio.evaluation.EvaluationManagement;
import org.customerportfolio.plan.RelationshipPlans;
import org.customerportfolio.plan.Strategy;
import org.customerportfolio.shared.InvalidInputException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The sheet answers views in SQL: sorted on any column (levels by their order, not their
 * names), filtered on text, levels, ranges and tags, grouped with counts and subtotals,
 * paged — on H2 and on PostgreSQL alike. Every view here is limited to this test's own
 * customers by their tag, since the database is shared.
 */
@IntegrationTest
@Tag("persistence")
class PortfolioSheetIntegrationTests {

	@Autowired
	private PortfolioSheet sheet;

	@Autowired
	private CustomerManagement customers;

	@Autowired
	private EvaluationManagement evaluations;

	@Autowired
	private RelationshipPlans plans;

	private String tag;

	private CustomerView atRisk;

	private CustomerView partner;

	private CustomerView unrated;

	@BeforeEach
	void portfolio() {
		this.tag = "sheet-" + System.nanoTime();
		this.atRisk = this.customers.register(
				CustomerMother.customer().named("Aannemer Bakker").ofType("contractor").tagged(this.tag).details(),
				"test");
		this.partner = this.customers.register(
				CustomerMother.customer().named("Zeeland Infra").ofType("contractor").tagged(this.tag).details(),
				"test");
		this.unrated = this.customers.register(
				CustomerMother.customer().named("Midden Advies").ofType("consultant").tagged(this.tag).details(),
				"test");
		this.evaluations.record(this.atRisk.id(),
				Map.of("relationship_type", List.of("at_risk"), "sales_potential", List.of("high")), null, "anna");
		this.evaluations.record(this.partner.id(),
				Map.of("relationship_type", List.of("partnership"), "sales_potential", List.of("low")), null, "anna");
		this.plans.setStrategy(this.partner.id(), Strategy.DEVELOP, "anna");
	}

	@Test
	void sortsLevelsByTheirPlaceInTheCriterionWithUnratedLast() {
		assertThat(names(view("sort", "criterion.relationship_type,asc"))).containsExactly("Zeeland Infra",
				"Aannemer Bakker", "Midden Advies");
		assertThat(names(view("sort", "criterion.relationship_type,desc"))).containsExactly("Aannemer Bakker",
				"Zeeland Infra", "Midden Advies");
		assertThat(names(view("sort", "attractiveness,desc"))).containsExactly("Aannemer Bakker", "Zeeland Infra",
				"Midden Advies");
	}

	@Test
	void filtersOnTextLevelsNoneRangesAndChoices() {
		assertThat(names(view("f.name", "INFRA"))).containsExactly("Zeeland Infra");
		assertThat(names(view("f.criterion.relationship_type", "at_risk,partnership"))).hasSize(2);
		assertThat(names(view("f.criterion.relationship_type", "-"))).containsExactly("Midden Advies");
		assertThat(names(view("f.attractiveness", "50.."))).containsExactly("Aannemer Bakker");
		assertThat(names(view("f.businessType", "consultant"))).containsExactly("Midden Advies");
		assertThat(names(view("f.strategy", "DEVELOP"))).containsExactly("Zeeland Infra");
	}

	@Test
	void groupsWithCountsAndAverages() {
		PortfolioSheet.SheetPage page = this.sheet
			.page(query("group", "businessType", "columns", "name,attractiveness"), this.sheet.catalogue());

		assertThat(page.groups()).containsOnlyKeys("contractor", "consultant");
		assertThat(List.copyOf(page.groups().keySet())).containsExactly("contractor", "consultant");
		assertThat(page.groups().get("contractor").count()).isEqualTo(2);
		// (100 + 33) / 2: the average of the scores, not the sum
		assertThat(page.groups().get("contractor").totals().get("attractiveness")).isEqualByComparingTo("66.5");
		assertThat(names(page)).containsExactly("Aannemer Bakker", "Zeeland Infra", "Midden Advies");
	}

	@Test
	void pagesThroughTheViewAndLeavesArchivedCustomersOut() {
		this.customers.archive(this.unrated.id(), "test");

		PortfolioSheet.SheetPage first = this.sheet.page(query("size", "1"), this.sheet.catalogue());
		PortfolioSheet.SheetPage second = this.sheet.page(query("size", "1", "page", "1"), this.sheet.catalogue());

		assertThat(first.rows().totalElements()).isEqualTo(2);
		assertThat(names(first)).containsExactly("Aannemer Bakker");
		assertThat(names(second)).containsExactly("Zeeland Infra");
	}

	@Test
	void endedRelationshipsLeaveTheViewUnlessAskedFor() {
		org.customerportfolio.customer.CustomerDetails details = CustomerMother.customer()
			.named("Midden Advies")
			.ofType("consultant")
			.tagged(this.tag)
			.details();
		this.customers.update(this.unrated.id(), this.unrated.version(),
				new org.customerportfolio.customer.CustomerDetails(details.name(), details.externalRef(),
						details.businessType(), details.registrationNumber(), details.vatNumber(), details.country(),
						details.city(), details.website(), org.customerportfolio.customer.CustomerStatus.ENDED,
						details.tags(), details.notes(), details.accountManagerId()),
				"test");

		assertThat(names(view())).containsExactly("Aannemer Bakker", "Zeeland Infra");
		assertThat(names(view("f.status", ""))).hasSize(3);
		assertThat(names(view("f.status", "ENDED"))).containsExactly("Midden Advies");
		assertThat(query("f.status", "").toQueryString()).contains("f.status=&");
	}

	@Test
	void refusesUnknownColumnsAndBadFiltersAllAtOnce() {
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> SheetQuery.parse(params("sort", "nonsense", "f.attractiveness", "80..20", "f.bogus", "x",
					"f.criterion.relationship_type", "sometimes"), this.sheet.catalogue()))
			.satisfies((ex) -> assertThat(ex.violations()).extracting((violation) -> violation.code())
				.containsExactlyInAnyOrder("sheet.sort.invalid", "sheet.filter.rangeReversed", "sheet.column.unknown",
						"sheet.filter.unknownCode"));
	}

	@Test
	void aViewSurvivesItsOwnUrl() {
		SheetQuery query = query("columns", "name,criterion.relationship_type", "sort", "name,desc", "f.name", "a & b",
				"group", "businessType", "frozen", "false");

		MultiValueMap<String, String> again = new LinkedMultiValueMap<>();
		org.springframework.web.util.UriComponentsBuilder.newInstance()
			.query(query.toQueryString())
			.build()
			.getQueryParams()
			.forEach((key, values) -> values.forEach((value) -> again.add(key,
					java.net.URLDecoder.decode(value, java.nio.charset.StandardCharsets.UTF_8))));

		assertThat(SheetQuery.parse(again, this.sheet.catalogue())).isEqualTo(query);
	}

	private PortfolioSheet.SheetPage view(String... parameters) {
		return this.sheet.page(query(parameters), this.sheet.catalogue());
	}

	private SheetQuery query(String... parameters) {
		MultiValueMap<String, String> params = params(parameters);
		params.add("f.tags", this.tag);
		return SheetQuery.parse(params, this.sheet.catalogue());
	}

	private static MultiValueMap<String, String> params(String... parameters) {
		MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
		for (int i = 0; i < parameters.length; i += 2) {
			params.add(parameters[i], parameters[i + 1]);
		}
		return params;
	}

	private static List<String> names(PortfolioSheet.SheetPage page) {
		return page.rows().content().stream().map((row) -> (String) row.value("name")).toList();
	}

}
