package org.customerportfolio.analysis;

import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.writer.CsvWriter;

import org.customerportfolio.IntegrationTest;
import org.customerportfolio.TestUsers;
import org.customerportfolio.account.AccountManagement;
import org.customerportfolio.account.Role;
import org.customerportfolio.account.UserSummary;
import org.customerportfolio.customer.CustomerDetails;
import org.customerportfolio.customer.CustomerKey;
import org.customerportfolio.customer.CustomerManagement;
import org.customerportfolio.customer.CustomerView;
import org.customerportfolio.invoicing.NorthwindExport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.hamcrest.Matchers.closeTo;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Real data nobody on the project wrote: the Northwind orders imported as invoice lines
 * give the concentration figures of the dataset's README (89 buying customers, top 20 % =
 * 60.1 % of revenue, ABC 34 / 27 / 28, Gini 0.5755, HHI 336.9). The orders and customers
 * get references of their own (prefix {@code AN-}), so this import neither meets nor
 * replaces the invoicing module's Northwind import in the shared test database.
 */
@IntegrationTest
@Tag("persistence")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NorthwindConcentrationIntegrationTests {

	private static final String PREFIX = "AN-";

	private static final String TAG = "northwind-analysis";

	@Autowired
	private MockMvc mvc;

	@Autowired
	private AccountManagement accounts;

	@Autowired
	private CustomerManagement customers;

	private UserSummary viewer;

	@BeforeAll
	void importNorthwindUnderOwnReferences() throws Exception {
		assumeThat(NorthwindExport.available()).as("../shared/datasets/northwind is beside the project").isTrue();
		UserSummary editor = TestUsers.create(this.accounts, Role.EDITOR);
		this.viewer = TestUsers.create(this.accounts, Role.VIEWER);
		Path export = NorthwindExport.write(Path.of("target", "northwind", "analysis-source.csv"));
		Path renamed = prefixed(export, Path.of("target", "northwind", "analysis-invoice-lines.csv"));

		this.mvc
			.perform(multipart("/api/v1/imports/invoices")
				.file(new MockMultipartFile("file", "northwind.csv", "text/csv", Files.readAllBytes(renamed)))
				.with(httpBasic(editor.username(), TestUsers.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.imported").value(true))
			.andExpect(jsonPath("$.lines").value(2155));

		int tagged = 0;
		for (CustomerKey key : this.customers.keys()) {
			if (key.externalRef() != null && key.externalRef().startsWith(PREFIX)) {
				CustomerView customer = this.customers.customer(key.id());
				this.customers.update(customer.id(), customer.version(), withTag(customer), "test");
				tagged++;
			}
		}
		assertThat(tagged).isEqualTo(89);
	}

	@Test
	void revenueConcentrationMatchesTheReadme() throws Exception {
		this.mvc
			.perform(get("/api/v1/analysis/concentration?measure=revenue&from=1996&to=1998&tag=" + TAG)
				.with(httpBasic(this.viewer.username(), TestUsers.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.customers").value(89))
			.andExpect(jsonPath("$.total").value(closeTo(1265793.04, 0.005)))
			.andExpect(jsonPath("$.top20Share").value(closeTo(60.1, 0.05)))
			.andExpect(jsonPath("$.abc.A").value(34))
			.andExpect(jsonPath("$.abc.B").value(27))
			.andExpect(jsonPath("$.abc.C").value(28))
			.andExpect(jsonPath("$.gini").value(closeTo(0.5755, 0.00005)))
			.andExpect(jsonPath("$.hhi").value(closeTo(336.9, 0.05)))
			.andExpect(jsonPath("$.equivalentCustomers").value(closeTo(29.7, 0.05)))
			.andExpect(jsonPath("$.largestShare").value(closeTo(100 * 110277.31 / 1265793.04, 0.0001)))
			.andExpect(jsonPath("$.top[0].name").value("QUICK-Stop (analysis)"))
			.andExpect(jsonPath("$.lossMakers.count").value(0))
			.andExpect(jsonPath("$.peakShare").value(closeTo(100.0, 0.0001)));
	}

	@Test
	void eachYearCountsItsOwnBuyers() throws Exception {
		// the README's active customers per year: 67, 86, 81
		for (int[] year : new int[][] { { 1996, 67 }, { 1997, 86 }, { 1998, 81 } }) {
			this.mvc
				.perform(get("/api/v1/analysis/concentration?from=" + year[0] + "&to=" + year[0] + "&tag=" + TAG)
					.with(httpBasic(this.viewer.username(), TestUsers.PASSWORD)))
				.andExpect(jsonPath("$.customers").value(year[1]));
		}
	}

	private static CustomerDetails withTag(CustomerView customer) {
		List<String> tags = new ArrayList<>(customer.tags());
		tags.add(TAG);
		return new CustomerDetails(customer.name(), customer.externalRef(), customer.businessType(),
				customer.registrationNumber(), customer.vatNumber(), customer.country(), customer.city(),
				customer.website(), customer.status(), tags, customer.notes(), customer.accountManagerId());
	}

	/**
	 * The same lines with the order and customer references prefixed and the names
	 * marked.
	 */
	private static Path prefixed(Path source, Path target) throws Exception {
		try (Reader in = Files.newBufferedReader(source, StandardCharsets.UTF_8);
				CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(in);
				Writer out = Files.newBufferedWriter(target, StandardCharsets.UTF_8);
				CsvWriter writer = CsvWriter.builder().build(out)) {
			boolean header = true;
			for (CsvRecord record : reader) {
				List<String> fields = new ArrayList<>(record.getFields());
				if (!header) {
					fields.set(0, PREFIX + fields.get(0));
					fields.set(1, PREFIX + fields.get(1));
					fields.set(2, fields.get(2) + " (analysis)");
				}
				writer.writeRecord(fields);
				header = false;
			}
		}
		return target;
	}

}
