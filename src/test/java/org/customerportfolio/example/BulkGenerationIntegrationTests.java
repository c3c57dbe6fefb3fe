package org.customerportfolio.example;

import java.util.List;

import org.customerportfolio.IntegrationTest;
import org.customerportfolio.example.ExamplePortfolio.Loaded;
import org.customerportfolio.example.ExamplePortfolio.Scale;
import org.customerportfolio.invoicing.ImportPreview;
import org.customerportfolio.invoicing.ImportSettings;
import org.customerportfolio.invoicing.InvoiceImport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bulk path at a small scale (500 customers, 20,000 lines) on H2 and PostgreSQL:
 * every line written, and the read models the sheet and the analyses stand on (yearly
 * totals, figures, standings, rating changes) agree with the lines and evaluations. The
 * portfolio is written beside the other tests' data under a reference prefix of its own,
 * and archived afterwards so that it stays out of their analyses.
 */
@IntegrationTest
@Tag("persistence")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BulkGenerationIntegrationTests {

	private static final String PREFIX = "BULK" + (System.nanoTime() % 100000) + "-";

	@Autowired
	private ExamplePortfolio examples;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private InvoiceImport imports;

	private Loaded loaded;

	@BeforeAll
	void generate() {
		this.loaded = this.examples.generateInto(new Scale(500, 5, 4000, 11), PREFIX, "test");
		System.out.println("BULK 500 customers, " + this.loaded.lines() + " lines in " + this.loaded.millis() + " ms");
	}

	@AfterAll
	void archive() {
		this.jdbc.sql("update customer set archived = true where external_ref like :prefix")
			.param("prefix", PREFIX + "%")
			.update();
	}

	@Test
	void writesEveryCustomerAndLine() {
		assertThat(this.loaded.customers()).isEqualTo(500);
		assertThat(this.loaded.lines()).isBetween(19_500L, 20_500L);
		assertThat(count("select count(*) from customer where external_ref like :prefix")).isEqualTo(500);
		assertThat(count("select count(*) from invoice_line l join customer c on c.id = l.customer_id "
				+ "where c.external_ref like :prefix"))
			.isEqualTo(this.loaded.lines());
	}

	@Test
	void yearlyTotalsAgreeWithTheLines() {
		List<String> fromLines = this.jdbc.sql("""
				select l.customer_id, extract(year from l.invoice_date) as fiscal_year, sum(l.amount), sum(l.margin)
				from invoice_line l join customer c on c.id = l.customer_id
				where c.external_ref like :prefix
				group by l.customer_id, extract(year from l.invoice_date)
				order by l.customer_id, fiscal_year
				""").param("prefix", PREFIX + "%").query(BulkGenerationIntegrationTests::row).list();
		List<String> fromYears = this.jdbc.sql("""
				select y.customer_id, y.fiscal_year, y.revenue, y.margin
				from revenue_year y join customer c on c.id = y.customer_id
				where c.external_ref like :prefix order by y.customer_id, y.fiscal_year
				""").param("prefix", PREFIX + "%").query(BulkGenerationIntegrationTests::row).list();
		assertThat(fromYears).hasSizeGreaterThan(1500).isEqualTo(fromLines);
	}

	private static String row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return rs.getLong(1) + ":" + rs.getInt(2) + ":" + rs.getBigDecimal(3).setScale(2) + ":"
				+ rs.getBigDecimal(4).setScale(2);
	}

	@Test
	void figuresStandingsAndRatingChangesFollow() {
		long invoicedLately = count("select count(distinct l.customer_id) from invoice_line l join customer c "
				+ "on c.id = l.customer_id where c.external_ref like :prefix and l.invoice_date >= current_date - 700");
		assertThat(count("select count(*) from customer_figures f join customer c on c.id = f.customer_id "
				+ "where c.external_ref like :prefix"))
			.isGreaterThanOrEqualTo(invoicedLately);
		assertThat(count("select count(*) from customer_standing s join customer c on c.id = s.customer_id "
				+ "where c.external_ref like :prefix and s.attractiveness is not null "
				+ "and s.relationship_strength is not null and s.evaluation_id is not null"))
			.isEqualTo(500);
		assertThat(count("select count(*) from customer_level l join customer c on c.id = l.customer_id "
				+ "where c.external_ref like :prefix"))
			.isGreaterThan(500 * 8);
		assertThat(count("select count(*) from rating_change r join customer c on c.id = r.customer_id "
				+ "where c.external_ref like :prefix"))
			.isEqualTo(500);
		assertThat(count("select count(*) from invoice_import where file_name = 'generated-portfolio' "
				+ "and status = 'DONE' and lines = :lines"))
			.isPositive();
	}

	@Test
	void writesAnInvoiceFileTheOrdinaryImportReadsWithoutAProblem() throws Exception {
		java.nio.file.Path file = java.nio.file.Path.of("target", "example", "invoices.csv");
		InvoiceCsv.Written written = ExamplePortfolio.writeCsv(new Scale(40, 3, 1000, 5), java.time.LocalDate.now(),
				file);
		assertThat(written.lines()).isBetween(2_900L, 3_100L);
		ImportPreview preview = this.imports.preview(file, "invoices.csv", ImportSettings.automatic());
		assertThat(preview.problems()).isEmpty();
		assertThat(preview.importable()).isTrue();
		assertThat(preview.lines()).isEqualTo(written.lines());
		assertThat(preview.totalAmount()).isEqualByComparingTo(written.total());
	}

	private long count(String sql) {
		return this.jdbc.sql(sql)
			.param("prefix", PREFIX + "%")
			.param("lines", this.loaded.lines())
			.query(Long.class)
			.single();
	}

}
