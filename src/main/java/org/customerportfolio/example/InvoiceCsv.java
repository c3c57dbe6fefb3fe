package org.customerportfolio.example;

import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.customerportfolio.example.PortfolioGenerator.Customer;

/**
 * Writes a generated portfolio as the invoice export of a Dutch accounting system, the
 * layout the ordinary import recognises by itself: semicolons, Dutch headers, dates as
 * dd-MM-yyyy, decimal commas. Streamed customer by customer, so any size fits in a small
 * heap.
 */
public final class InvoiceCsv {

	static final String HEADER = "Klantnummer;Klantnaam;Factuurnummer;Factuurdatum;Omzetgroep;Omschrijving;Bedrag;Kosten";

	/** What was written: lines, customers, the sum of the amounts and the file's size. */
	public record Written(Path file, long lines, int customers, BigDecimal total, long bytes, long millis) {
	}

	private InvoiceCsv() {
	}

	static Written write(PortfolioGenerator generator, Path file) throws IOException {
		long started = System.nanoTime();
		Path parent = file.toAbsolutePath().getParent();
		if (parent != null) {
			Files.createDirectories(parent);
		}
		long[] lines = { 0 };
		BigDecimal[] total = { BigDecimal.ZERO };
		StringBuilder row = new StringBuilder(200);
		try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			out.write(HEADER);
			out.write("\r\n");
			for (Customer customer : generator.customers()) {
				IOException[] failed = { null };
				generator.lines(customer, (line) -> {
					row.setLength(0);
					row.append(customer.reference()).append(';');
					text(row, customer.name()).append(';');
					row.append(line.invoiceNumber()).append(';');
					row.append(PortfolioGenerator.pad(line.date().getDayOfMonth(), 2))
						.append('-')
						.append(PortfolioGenerator.pad(line.date().getMonthValue(), 2))
						.append('-')
						.append(line.date().getYear())
						.append(';');
					row.append(Texts.CATEGORY_LABELS_NL.get(Texts.CATEGORIES.indexOf(line.category()))).append(';');
					text(row, line.description()).append(';');
					row.append(line.amount().toPlainString().replace('.', ',')).append(';');
					row.append(line.cost().toPlainString().replace('.', ',')).append("\r\n");
					try {
						out.append(row);
					}
					catch (IOException ex) {
						failed[0] = ex;
					}
					lines[0]++;
					total[0] = total[0].add(line.amount());
				});
				if (failed[0] != null) {
					throw failed[0];
				}
			}
		}
		return new Written(file, lines[0], generator.customers().size(), total[0], Files.size(file),
				(System.nanoTime() - started) / 1_000_000);
	}

	/**
	 * Names and descriptions never hold a semicolon or quote, but a file must be right
	 * whatever they hold.
	 */
	private static StringBuilder text(StringBuilder row, String value) {
		if (value.indexOf(';') < 0 && value.indexOf('"') < 0) {
			return row.append(value);
		}
		return row.append('"').append(value.replace("\"", "\"\"")).append('"');
	}

}
