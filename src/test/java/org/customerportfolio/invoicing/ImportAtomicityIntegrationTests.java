package org.customerportfolio.invoicing;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import org.customerportfolio.IntegrationTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.doAnswer;

/**
 * An import that fails half-way through writing (the database connection lost after some
 * batches) leaves the database exactly as before: no lines, no new customers, no new
 * categories, no changed totals.
 */
@IntegrationTest
@Tag("persistence")
class ImportAtomicityIntegrationTests {

	@Autowired
	private InvoiceImport imports;

	@Autowired
	private JdbcClient jdbc;

	@MockitoSpyBean
	private InvoiceLineStore store;

	@Test
	void aFailureWhileWritingLeavesTheDatabaseAsItWas() throws Exception {
		String prefix = "AT" + System.nanoTime() % 100000;
		StringBuilder csv = new StringBuilder(
				"customer ref,customer name,invoice number,invoice date,category,amount\n");
		for (int i = 0; i < 3 * InvoiceLineStore.BATCH - 500; i++) {
			csv.append("%s-%d,Atomic %s %d,%s-%d,2025-03-%02d,Atomic category %s,%d.50\n".formatted(prefix, i % 40,
					prefix, i % 40, prefix, i, 1 + i % 28, prefix, 100 + i));
		}
		Path file = Path.of("target", "atomicity-" + prefix + ".csv");
		Files.createDirectories(file.getParent());
		Files.writeString(file, csv, StandardCharsets.UTF_8);
		long lines = count("invoice_line");
		long customers = count("customer");
		long categories = count("service_category");
		long months = count("revenue_month");
		AtomicInteger written = new AtomicInteger();
		doAnswer((invocation) -> {
			InvoiceLineStore.LineWriter real = (InvoiceLineStore.LineWriter) invocation.callRealMethod();
			return new InvoiceLineStore.LineWriter() {

				@Override
				public void add(ImportPreview.ParsedLine line, long customerId) {
					if (written.incrementAndGet() > 2 * InvoiceLineStore.BATCH) {
						throw new DataAccessResourceFailureException("connection lost");
					}
					real.add(line, customerId);
				}

				@Override
				public void finish() {
					real.finish();
				}

				@Override
				public void close() {
					real.close();
				}

			};
		}).when(this.store).writer(anyLong());

		assertThatExceptionOfType(DataAccessResourceFailureException.class)
			.isThrownBy(() -> this.imports.commit(file, "atomic.csv", ImportSettings.automatic(), "test"));

		assertThat(written).hasValue(2 * InvoiceLineStore.BATCH + 1);
		assertThat(count("invoice_line")).isEqualTo(lines);
		assertThat(count("customer")).isEqualTo(customers);
		assertThat(count("service_category")).isEqualTo(categories);
		assertThat(count("revenue_month")).isEqualTo(months);
		assertThat(this.imports.recent(1)).singleElement().satisfies((status) -> {
			assertThat(status.status()).isEqualTo("FAILED");
			assertThat(status.fileName()).isEqualTo("atomic.csv");
		});
	}

	private long count(String table) {
		return this.jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

}
