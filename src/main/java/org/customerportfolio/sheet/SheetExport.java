package org.customerportfolio.sheet;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import de.siegmar.fastcsv.writer.CsvWriter;
import org.customerportfolio.exchange.SpreadsheetText;
import org.customerportfolio.shared.Formats;
import org.customerportfolio.shared.Language;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Writes exactly the rows and columns of a view — every row of it, not only the page on
 * screen — to XLSX or CSV, streaming as it reads. The first column holds the customer's
 * stable id and the last its revision, which is what an import of the edited file is
 * matched and checked against. XLSX gets a frozen header row, an auto-filter, labels,
 * real numbers and dates; CSV is UTF-8 with a byte order mark so Excel reads accents
 * right, and text that looks like a formula is neutralised.
 */
@Component
public class SheetExport {

	static final String ID = "id";

	static final String REVISION = "revision";

	private static final int FLUSH_EVERY = 1000;

	private final PortfolioSheet sheet;

	private final SheetCells cells;

	private final MessageSource messages;

	private final Formats formats;

	SheetExport(PortfolioSheet sheet, SheetCells cells, MessageSource messages, Formats formats) {
		this.sheet = sheet;
		this.cells = cells;
		this.messages = messages;
		this.formats = formats;
	}

	public enum Format {

		XLSX, CSV

	}

	public void xlsx(SheetQuery query, SheetColumns.Catalogue catalogue, Language language, OutputStream out) {
		List<SheetColumn> columns = columns(query, catalogue);
		try {
			Workbook workbook = new Workbook(out, "Customer Portfolio", "1.0");
			Worksheet sheet = workbook.newWorksheet(this.messages.getMessage("sheet.title", null, language.locale()));
			List<String> header = header(columns, language);
			for (int c = 0; c < header.size(); c++) {
				sheet.value(0, c, header.get(c));
				sheet.style(0, c).bold().fillColor("DDE7F0").set();
			}
			sheet.width(0, 8);
			for (int c = 0; c < columns.size(); c++) {
				sheet.width(c + 1, columns.get(c).key().equals("name") ? 36 : 16);
			}
			int[] row = { 0 };
			this.sheet.forEachRow(query, catalogue, (values) -> {
				int r = ++row[0];
				sheet.value(r, 0, values.id());
				for (int c = 0; c < columns.size(); c++) {
					cell(sheet, r, c + 1, columns.get(c), values, language);
				}
				sheet.value(r, columns.size() + 1, values.revision());
				if (r % FLUSH_EVERY == 0) {
					flush(sheet);
				}
			});
			sheet.freezePane(columns.isEmpty() || !"name".equals(columns.get(0).key()) ? 1 : 2, 1);
			sheet.setAutoFilter(0, 0, Math.max(row[0], 1), header.size() - 1);
			workbook.finish();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void cell(Worksheet sheet, int r, int c, SheetColumn column, SheetRow values, Language language) {
		Object value = values.value(column.key());
		if (column.type() == ColumnType.TAGS) {
			sheet.value(r, c, String.join(", ", values.tags()));
		}
		else if (value instanceof BigDecimal number) {
			sheet.value(r, c, number);
			sheet.style(r, c).format((column.type() == ColumnType.MONEY) ? "#,##0.00" : "#,##0.0##").set();
		}
		else if (value instanceof Instant instant) {
			sheet.value(r, c, LocalDate.ofInstant(instant, this.formats.zone()));
			sheet.style(r, c).format("yyyy-mm-dd").set();
		}
		else if (value != null) {
			sheet.value(r, c, this.cells.text(column, value, language));
		}
	}

	private static void flush(Worksheet sheet) {
		try {
			sheet.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * CSV with {@code ;} (numbers with a decimal comma, as Dutch Excel expects) or
	 * {@code ,} (decimal point).
	 */
	public void csv(SheetQuery query, SheetColumns.Catalogue catalogue, Language language, char separator,
			OutputStream out) {
		List<SheetColumn> columns = columns(query, catalogue);
		try {
			out.write(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF });
			CsvWriter csv = CsvWriter.builder().fieldSeparator(separator).build(out, StandardCharsets.UTF_8);
			csv.writeRecord(header(columns, language).stream().map(SpreadsheetText::safe).toList());
			this.sheet.forEachRow(query, catalogue, (values) -> {
				List<String> record = new ArrayList<>(columns.size() + 2);
				record.add(String.valueOf(values.id()));
				for (SheetColumn column : columns) {
					record.add(csvValue(column, values, language, separator));
				}
				record.add(values.revision());
				csv.writeRecord(record);
			});
			csv.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private String csvValue(SheetColumn column, SheetRow values, Language language, char separator) {
		Object value = values.value(column.key());
		if (column.type() == ColumnType.TAGS) {
			return SpreadsheetText.safe(String.join(", ", values.tags()));
		}
		if (value instanceof BigDecimal number) {
			String plain = number.toPlainString();
			return (separator == ';') ? plain.replace('.', ',') : plain;
		}
		if (value instanceof Instant instant) {
			return LocalDate.ofInstant(instant, this.formats.zone()).toString();
		}
		return (value != null) ? SpreadsheetText.safe(this.cells.text(column, value, language)) : "";
	}

	private List<String> header(List<SheetColumn> columns, Language language) {
		List<String> header = new ArrayList<>();
		header.add(this.messages.getMessage("sheet.column.id", null, language.locale()));
		columns.forEach((column) -> header.add(column.label(language)));
		header.add(this.messages.getMessage("sheet.column.revision", null, language.locale()));
		return header;
	}

	private static List<SheetColumn> columns(SheetQuery query, SheetColumns.Catalogue catalogue) {
		return query.columns().stream().map((key) -> catalogue.column(key).orElseThrow()).toList();
	}

}
