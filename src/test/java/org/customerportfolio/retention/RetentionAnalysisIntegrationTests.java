package org.customerportfolio.retention;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.customerportfolio.IntegrationTest;
import org.customerportfolio.TestUsers;
import org.customerportfolio.account.AccountManagement;
import org.customerportfolio.account.Role;
import org.customerportfolio.account.UserSummary;
import org.customerportfolio.customer.CustomerKey;
import org.customerportfolio.customer.CustomerManagement;
import org.customerportfolio.invoicing.NorthwindExport;
import org.customerportfolio.retention.Retention.RetentionFigures;
import org.customerportfolio.retention.Retention.RetentionYear;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Retention from the yearly read model on real data nobody on the project wrote: the
 * Northwind orders, imported through the ordinary import, keep 65 of 67 customers from
 * 1996 to 1997 (97.0 %) and 79 of 86 from 1997 to 1998 (91.9 %), as the dataset's README
 * says.
 */
@IntegrationTest
@Tag("persistence")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RetentionAnalysisIntegrationTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private AccountManagement accounts;

	@Autowired
	private CustomerManagement customers;

	@Autowired
	private RetentionAnalysis retention;

	@Autowired
	private org.springframework.security.core.userdetails.UserDetailsService userDetails;

	private static final String PREFIX = "RET-";

	private UserSummary viewer;

	private final Set<Long> northwind = new HashSet<>();

	@BeforeAll
	void importNorthwind() throws Exception {
		assumeThat(NorthwindExport.available()).as("../shared/datasets/northwind is beside the project").isTrue();
		UserSummary editor = TestUsers.create(this.accounts, Role.EDITOR);
		this.viewer = TestUsers.create(this.accounts, Role.VIEWER);
		Path export = renamed(NorthwindExport.write(Path.of("target", "northwind", "retention-source.csv")));
		this.mvc
			.perform(multipart("/api/v1/imports/invoices")
				.file(new MockMultipartFile("file", "northwind.csv", "text/csv", Files.readAllBytes(export)))
				.with(httpBasic(editor.username(), TestUsers.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.lines").value(2155));
		List<String> references = NorthwindExport.customerIds().stream().map((id) -> PREFIX + id).toList();
		for (CustomerKey key : this.customers.keys()) {
			if (key.externalRef() != null && references.contains(key.externalRef())) {
				this.northwind.add(key.id());
			}
		}
		assertThat(this.northwind).hasSize(89);
	}

	/**
	 * The export with the customers and orders under references of their own, so that
	 * this test's Northwind customers are apart from those that other tests import into
	 * the same database.
	 */
	private static Path renamed(Path source) throws java.io.IOException {
		Path target = source.resolveSibling("retention.csv");
		try (var reader = de.siegmar.fastcsv.reader.CsvReader.builder()
			.ofCsvRecord(source, java.nio.charset.StandardCharsets.UTF_8);
				var writer = de.siegmar.fastcsv.writer.CsvWriter.builder()
					.build(target, java.nio.charset.StandardCharsets.UTF_8)) {
			boolean header = true;
			for (var record : reader) {
				List<String> fields = new java.util.ArrayList<>(record.getFields());
				if (!header) {
					fields.set(0, PREFIX + fields.get(0));
					fields.set(1, PREFIX + fields.get(1));
					fields.set(2, PREFIX + fields.get(2));
				}
				header = false;
				writer.writeRecord(fields);
			}
		}
		return target;
	}

	@Test
	void reproducesTheRetentionOfTheDatasetsReadme() {
		RetentionFigures figures = this.retention.figures(this.northwind);

		assertThat(figures.years())
			.extracting(RetentionYear::year, RetentionYear::active, RetentionYear::newCustomers,
					RetentionYear::retained, RetentionYear::returning, RetentionYear::lost)
			.containsExactly(tuple(1996, 67, 67, 0, 0, 0), tuple(1997, 86, 21, 65, 0, 2), tuple(1998, 81, 1, 79, 1, 7));
		assertThat(figures.years()).extracting(RetentionYear::retentionRate).containsExactly(null, 0.9701, 0.9186);
		assertThat(figures.years().get(1).revenue()).isEqualByComparingTo("617085.20");
	}

	@Test
	void groupsNorthwindIntoCohortsAndListsTheLostCustomers() {
		RetentionFigures figures = this.retention.figures(this.northwind);

		assertThat(figures.cohorts()).extracting(Retention.Cohort::firstYear, Retention.Cohort::size)
			.containsExactly(tuple(1996, 67), tuple(1997, 21), tuple(1998, 1));
		assertThat(figures.lost()).hasSize(2 + 7);
		assertThat(figures.lost()).filteredOn((lost) -> lost.lostIn() == 1998).hasSize(7);
		// one customer of 1996 skipped 1997 and came back in 1998 (returning, not new)
		// with three years of data the five-year loss is estimated from (65 + 79) / (67 +
		// 86)
		assertThat(figures.meanRetention()).isEqualTo(0.9412);
		assertThat(figures.fiveYearLoss().measured()).isFalse();
		assertThat(figures.fiveYearLoss().rate()).isEqualTo(0.2614);
	}

	@Test
	void valuesACustomerOnRevenueWhenNoMarginsAreKnown() {
		RetentionFigures figures = this.retention.figures(this.northwind);

		RetentionAnalysis.Lifetime lifetime = this.retention.lifetime(figures, 10.0);

		assertThat(lifetime.fromMargin()).isFalse();
		assertThat(lifetime.retention()).isEqualTo(0.9412);
		// the latest year that is over: 1998, 440,623.87 over 81 customers
		assertThat(lifetime.basisYear()).isEqualTo(1998);
		assertThat(lifetime.perCustomer()).isEqualByComparingTo("5439.80");
		// 5,439.80 × 0.9412 / (1.1 − 0.9412)
		assertThat(lifetime.value()).isEqualByComparingTo("32241.43");
	}

	@Test
	void answersTheApiWithOneRowPerYear() throws Exception {
		this.mvc.perform(get("/api/v1/analysis/retention").with(httpBasic(this.viewer.username(), TestUsers.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.years[0].year").isNumber())
			.andExpect(jsonPath("$.years[0].new").isNumber())
			.andExpect(jsonPath("$.years[0].retained").isNumber())
			.andExpect(jsonPath("$.years[0].lost").isNumber())
			.andExpect(jsonPath("$.years[0].retentionRate").isEmpty())
			.andExpect(jsonPath("$.years[1].retentionRate").isNumber())
			.andExpect(jsonPath("$.cohorts[0].firstYear").isNumber())
			.andExpect(jsonPath("$.lifetimeValue.discountPercent").value(10.0));
	}

	@Test
	void refusesADiscountRateThatIsNotANumberInTheApi() throws Exception {
		this.mvc
			.perform(get("/api/v1/analysis/retention").param("discount", "ten")
				.with(httpBasic(this.viewer.username(), TestUsers.PASSWORD)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("discount"));
		this.mvc
			.perform(get("/api/v1/analysis/retention").param("discount", "150")
				.with(httpBasic(this.viewer.username(), TestUsers.PASSWORD)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].code").value("retention.discount.invalid"));
	}

	@Test
	void showsThePageAndTheWorkbook() throws Exception {
		var user = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
			.user(this.userDetails.loadUserByUsername(this.viewer.username()));
		this.mvc.perform(get("/analysis/retention").param("discount", "abc").with(user))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("retention-chart")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("is not a number")));
		byte[] workbook = this.mvc.perform(get("/analysis/retention/export.xlsx").with(user))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(workbook).startsWith('P', 'K');
	}

}
