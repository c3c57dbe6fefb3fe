package org.customerportfolio.invoicing;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import de.siegmar.fastcsv.writer.CsvWriter;

/**
 * The Northwind sample orders written out as an accounting system would export invoice
 * lines: order lines joined to their order, customer, product and category, one line per
 * order line, amount = unit price × quantity × (1 − discount). Read from
 * {@code ../shared/datasets/northwind}.
 */
public final class NorthwindExport {

	public static final Path DATA = Path.of("..", "shared", "datasets", "northwind");

	private NorthwindExport() {
	}

	public static boolean available() {
		return Files.isRegularFile(DATA.resolve("order_details.csv"));
	}

	public static Path write(Path target) throws IOException {
		Map<String, NamedCsvRecord> orders = byKey("orders.csv", "order_id");
		Map<String, NamedCsvRecord> customers = byKey("customers.csv", "customer_id");
		Map<String, NamedCsvRecord> products = byKey("products.csv", "product_id");
		Map<String, NamedCsvRecord> categories = byKey("categories.csv", "category_id");
		Files.createDirectories(target.getParent());
		try (Writer out = Files.newBufferedWriter(target, StandardCharsets.UTF_8);
				CsvWriter csv = CsvWriter.builder().build(out);
				CsvReader<NamedCsvRecord> details = CsvReader.builder()
					.ofNamedCsvRecord(DATA.resolve("order_details.csv"), StandardCharsets.UTF_8)) {
			csv.writeRecord("Order ID", "Customer ID", "Company Name", "Order Date", "Category", "Product", "Amount");
			for (NamedCsvRecord line : details) {
				NamedCsvRecord order = orders.get(line.getField("order_id"));
				NamedCsvRecord product = products.get(line.getField("product_id"));
				String customer = order.getField("customer_id");
				BigDecimal amount = new BigDecimal(line.getField("unit_price"))
					.multiply(new BigDecimal(line.getField("quantity")))
					.multiply(BigDecimal.ONE.subtract(new BigDecimal(line.getField("discount"))));
				csv.writeRecord(line.getField("order_id"), customer, customers.get(customer).getField("company_name"),
						order.getField("order_date"),
						categories.get(product.getField("category_id")).getField("category_name"),
						product.getField("product_name"), amount.stripTrailingZeros().toPlainString());
			}
		}
		return target;
	}

	public static List<String> customerIds() throws IOException {
		return List.copyOf(byKey("customers.csv", "customer_id").keySet());
	}

	private static Map<String, NamedCsvRecord> byKey(String file, String key) throws IOException {
		Map<String, NamedCsvRecord> records = new HashMap<>();
		try (CsvReader<NamedCsvRecord> reader = CsvReader.builder()
			.ofNamedCsvRecord(DATA.resolve(file), StandardCharsets.UTF_8)) {
			for (NamedCsvRecord record : reader) {
				records.put(record.getField(key), record);
			}
		}
		return records;
	}

}
