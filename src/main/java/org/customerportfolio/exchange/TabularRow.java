package org.customerportfolio.exchange;

import java.util.List;
import java.util.Set;

/**
 * One data row of a file: its number as the user sees it (the line in a CSV, the row in
 * Excel), its cells as text, and (XLSX only) which cells held a formula, a number or a
 * date. Number cells read as plain decimals ({@code 1234.5}) and date cells as ISO dates,
 * whatever the text in other cells looks like.
 */
public record TabularRow(long number, List<String> cells, Set<Integer> formulaColumns, Set<Integer> numberColumns,
		Set<Integer> dateColumns) {

	public TabularRow {
		cells = List.copyOf(cells);
		formulaColumns = Set.copyOf(formulaColumns);
		numberColumns = Set.copyOf(numberColumns);
		dateColumns = Set.copyOf(dateColumns);
	}

	public TabularRow(long number, List<String> cells) {
		this(number, cells, Set.of(), Set.of(), Set.of());
	}

	/** The cell's text, or empty when the row is shorter. */
	public String cell(int column) {
		return (column >= 0 && column < this.cells.size()) ? this.cells.get(column) : "";
	}

}
