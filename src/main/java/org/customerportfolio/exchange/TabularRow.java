package org.customerportfolio.exchange;

import java.util.List;
import java.util.Set;

/**
 * One data row of a file: its number as the user sees it (the line in a CSV, the row in
 * Excel), its cells as text, and which cells held a formula (XLSX only).
 */
public record TabularRow(long number, List<String> cells, Set<Integer> formulaColumns) {

	public TabularRow {
		cells = List.copyOf(cells);
		formulaColumns = Set.copyOf(formulaColumns);
	}

	/** The cell's text, or empty when the row is shorter. */
	public String cell(int column) {
		return (column >= 0 && column < this.cells.size()) ? this.cells.get(column) : "";
	}

}
