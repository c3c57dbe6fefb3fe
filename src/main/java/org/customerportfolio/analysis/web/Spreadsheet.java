package org.customerportfolio.analysis.web;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.jspecify.annotations.Nullable;

/**
 * An analysis table as an XLSX workbook of one sheet: a bold header, numbers as numbers,
 * and every text as a text cell. Text is never written as a formula, so a customer named
 * {@code =HYPERLINK(…)} or {@code +31…} stays the text it is when the file is opened.
 */
final class Spreadsheet {

	private Spreadsheet() {
	}

	static void write(OutputStream out, String sheet, List<String> header, List<List<@Nullable Object>> rows)
			throws IOException {
		Workbook workbook = new Workbook(out, "Customer Portfolio", "1.0");
		Worksheet worksheet = workbook.newWorksheet(safeSheetName(sheet));
		for (int column = 0; column < header.size(); column++) {
			worksheet.value(0, column, header.get(column));
			worksheet.style(0, column).bold().set();
			worksheet.width(column, (column == 1) ? 40 : 16);
		}
		worksheet.freezePane(0, 1);
		int row = 1;
		for (List<@Nullable Object> values : rows) {
			for (int column = 0; column < values.size(); column++) {
				Object value = values.get(column);
				if (value instanceof Number number) {
					worksheet.value(row, column, number);
				}
				else if (value != null) {
					// a shared-string cell: text, whatever characters it starts with
					worksheet.value(row, column, value.toString());
				}
			}
			row++;
		}
		workbook.finish();
	}

	/** Sheet names are at most 31 characters, without : \ / ? * [ ]. */
	static String safeSheetName(String name) {
		String safe = name.replaceAll("[:\\\\/?*\\[\\]]", " ").strip();
		return safe.isEmpty() ? "Sheet" : safe.substring(0, Math.min(31, safe.length()));
	}

}
