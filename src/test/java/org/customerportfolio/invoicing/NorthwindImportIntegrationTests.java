package org.customerportfolio.invoicing;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.customerportfolio.IntegrationTest;
import org.customerportfolio.TestUsers;
import org.customerportfolio.account.AccountManagement;
import org.customerportfolio.account.Role;
import org.customerportfolio.account.UserSummary;
import org.customerportfolio.customer.CustomerKey;
import org.customerportfolio.customer.CustomerManagement;
import org.customerportfolio.invoicing.RevenueFigures.CustomerYear;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Real data nobody on the project wrote: the Northwind orders, exported as invoice lines
 * and imported through the ordinary import API, reproduce the reference figures of the
 * dataset's README to the cent.
 */
@IntegrationTest
@Tag("persistence")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NorthwindImportIntegrationTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private AccountManagement accounts;

	@Autowired
	private CustomerManagement customers;

	@Autowired
	private RevenueFigures figures;

	private static final org.assertj.core.data.Offset<BigDecimal> HALF_CENT = org.assertj.core.data.Offset
		.offset(new BigDecimal("0.005"));

	private final Map<String, Map<Integer, BigDecimal>> revenue = new HashMap<>();

	private java.util.Set<Long> northwindIds;

	@BeforeAll
	void importNorthwind() throws Exception {
		assumeThat(NorthwindExport.available()).as("../shared/datasets/northwind is beside the project").isTrue();
		UserSummary editor = TestUsers.create(this.accounts, Role.EDITOR);
		Path export = NorthwindExport.write(Path.of("target", "northwind", "invoice-lines.csv"));

		this.mvc
			.perform(multipart("/api/v1/imports/invoices")
				.file(new MockMultipartFile("file", "northwind.csv", "text/csv", Files.readAllBytes(export)))
				.with(httpBasic(editor.username(), TestUsers.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.imported").value(true))
			.andExpect(jsonPath("$.lines").value(2155))
			.andExpect(jsonPath("$.invoices").value(830))
			.andExpect(jsonPath("$.customersCreated").value(89))
			.andExpect(jsonPath("$.totalAmount").value(1265793.0395));

		List<String> northwind = NorthwindExport.customerIds();
		Map<Long, String> references = new HashMap<>();
		for (CustomerKey key : this.customers.keys()) {
			if (key.externalRef() != null && northwind.contains(key.externalRef())) {
				references.put(key.id(), key.externalRef());
			}
		}
		this.northwindIds = references.keySet();
		for (CustomerYear row : allCustomerYears()) {
			if (references.containsKey(row.customerId())) {
				this.revenue.computeIfAbsent(row.customerRef(), (ref) -> new HashMap<>())
					.put(row.year(), row.revenue());
			}
		}
	}

	private List<CustomerYear> allCustomerYears() {
		List<CustomerYear> rows = new java.util.ArrayList<>();
		for (int page = 0;; page++) {
			var slice = this.figures.customerYears(1996, 1998, page, 200);
			rows.addAll(slice.content());
			if (!slice.hasNext()) {
				return rows;
			}
		}
	}

	@Test
	void reproducesTheTotalRevenue() {
		assertThat(cents(total(null))).isEqualByComparingTo("1265793.04");
	}

	@Test
	void reproducesEachYearAndItsActiveCustomers() {
		List<RevenueFigures.YearFigures> years = this.figures.portfolio(this.northwindIds);

		assertThat(years).extracting(RevenueFigures.YearFigures::year).containsExactly(1996, 1997, 1998);
		assertThat(years.get(0).revenue()).isEqualByComparingTo("208083.97");
		assertThat(years.get(1).revenue()).isEqualByComparingTo("617085.20");
		assertThat(years.get(2).revenue()).isEqualByComparingTo("440623.87");
		assertThat(years).extracting(RevenueFigures.YearFigures::customers).containsExactly(67L, 86L, 81L);
		assertThat(cents(total(1997))).isEqualByComparingTo("617085.20");
		assertThat(active(1998)).isEqualTo(81);
		assertThat(this.revenue).hasSize(89);
	}

	@Test
	void reproducesTheTopCustomersAndTheSmallest() {
		assertThat(cents(customerTotal("QUICK"))).isEqualByComparingTo("110277.31");
		assertThat(cents(customerTotal("ERNSH"))).isEqualByComparingTo("104874.98");
		assertThat(cents(customerTotal("SAVEA"))).isEqualByComparingTo("104361.95");
		assertThat(cents(customerTotal("CENTC"))).isEqualByComparingTo("100.80");
	}

	/**
	 * The README's figures were computed in floating point, so an exact half cent
	 * (Confections: 167,357.225) may appear rounded either way there; the exact sums must
	 * lie within half a cent of them.
	 */
	@Test
	void reproducesTheRevenuePerCategory() {
		Map<String, BigDecimal> categories = this.figures.categoryTotals(this.northwindIds);
		assertThat(categories).containsOnlyKeys("beverages", "dairy_products", "confections", "meat_poultry", "seafood",
				"condiments", "produce", "grains_cereals");
		assertThat(categories.get("beverages")).isCloseTo(new BigDecimal("267868.18"), HALF_CENT);
		assertThat(categories.get("dairy_products")).isCloseTo(new BigDecimal("234507.29"), HALF_CENT);
		assertThat(categories.get("confections")).isCloseTo(new BigDecimal("167357.22"), HALF_CENT);
		assertThat(categories.get("meat_poultry")).isCloseTo(new BigDecimal("163022.36"), HALF_CENT);
		assertThat(categories.get("seafood")).isCloseTo(new BigDecimal("131261.74"), HALF_CENT);
		assertThat(categories.get("condiments")).isCloseTo(new BigDecimal("106047.09"), HALF_CENT);
		assertThat(categories.get("produce")).isCloseTo(new BigDecimal("99984.58"), HALF_CENT);
		assertThat(categories.get("grains_cereals")).isCloseTo(new BigDecimal("95744.59"), HALF_CENT);
	}

	@Test
	void importingTheSameFileAgainNeverCountsTwice() throws Exception {
		UserSummary editor = TestUsers.create(this.accounts, Role.EDITOR);
		Path export = NorthwindExport.write(Path.of("target", "northwind", "again.csv"));

		this.mvc
			.perform(multipart("/api/v1/imports/invoices")
				.file(new MockMultipartFile("file", "northwind.csv", "text/csv", Files.readAllBytes(export)))
				.with(httpBasic(editor.username(), TestUsers.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.customersCreated").value(0));

		BigDecimal total = BigDecimal.ZERO;
		for (CustomerYear row : allCustomerYears()) {
			if (this.revenue.containsKey(row.customerRef())) {
				total = total.add(row.revenue());
			}
		}
		assertThat(cents(total)).isEqualByComparingTo("1265793.04");
	}

	private BigDecimal total(Integer year) {
		return this.revenue.values()
			.stream()
			.flatMap((years) -> years.entrySet().stream())
			.filter((entry) -> year == null || entry.getKey().equals(year))
			.map(Map.Entry::getValue)
			.reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	private static BigDecimal cents(BigDecimal value) {
		return value.setScale(2, java.math.RoundingMode.HALF_UP);
	}

	private long active(int year) {
		return this.revenue.values().stream().filter((years) -> years.containsKey(year)).count();
	}

	private BigDecimal customerTotal(String reference) {
		return this.revenue.get(reference).values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
	}

}
