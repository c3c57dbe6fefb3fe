package org.customerportfolio.retention.web;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Consumer;

import org.customerportfolio.exchange.SpreadsheetText;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.jspecify.annotations.Nullable;

/**
 * Writes the module's XLSX exports. Text goes in as text, never as a formula: a value
 * that starts like one ({@code =}, {@code +}, {@code -}, {@code @}, tab, carriage return)
 * gets a leading apostrophe so that no spreadsheet program ever evaluates it, even after
 * a user re-types the cell.
 */
final class Workbooks {

	private Workbooks() {
	}

	static void write(OutputStream out, Consumer<Workbook> sheets) {
		try {
			Workbook workbook = new Workbook(out, "Customer Portfolio", "1.0");
			sheets.accept(workbook);
			workbook.finish();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A sheet with a bold header row; rows follow with {@link Sheet#row(Object...)}. */
	static Sheet sheet(Workbook workbook, String name, List<String> header) {
		Worksheet sheet = workbook.newWorksheet(safeSheetName(name));
		Sheet rows = new Sheet(sheet);
		rows.row(header.toArray());
		sheet.range(0, 0, 0, Math.max(0, header.size() - 1)).style().bold().fillColor("E8EEF4").set();
		return rows;
	}

	static String safeText(@Nullable String text) {
		return (text == null) ? "" : SpreadsheetText.safe(text);
	}

	private static String safeSheetName(String name) {
		String cleaned = name.replaceAll("[\\[\\]:*?/\\\\]", " ");
		return (cleaned.length() > 31) ? cleaned.substring(0, 31) : cleaned;
	}

	/** Rows of one sheet, written top to bottom. */
	static final class Sheet {

		private final Worksheet sheet;

		private int row;

		Sheet(Worksheet sheet) {
			this.sheet = sheet;
		}

		Sheet row(@Nullable Object... values) {
			for (int column = 0; column < values.length; column++) {
				Object value = values[column];
				if (value == null) {
					continue;
				}
				if (value instanceof BigDecimal number) {
					this.sheet.value(this.row, column, number);
				}
				else if (value instanceof Number number) {
					this.sheet.value(this.row, column, number);
				}
				else if (value instanceof Boolean flag) {
					this.sheet.value(this.row, column, flag);
				}
				else if (value instanceof java.time.LocalDate date) {
					this.sheet.value(this.row, column, date);
					this.sheet.style(this.row, column).format("yyyy-mm-dd").set();
				}
				else {
					this.sheet.value(this.row, column, safeText(value.toString()));
				}
			}
			this.row++;
			return this;
		}

		Sheet blank() {
			this.row++;
			return this;
		}

	}

}
