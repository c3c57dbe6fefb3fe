package org.customerportfolio.exchange;

import org.jspecify.annotations.Nullable;

/**
 * One thing wrong in an import file: the row (none for the file as a whole), the column,
 * the value found, and a message code with its arguments saying what was expected.
 */
public record RowProblem(@Nullable Long row, @Nullable String column, @Nullable String value, String code,
		Object[] arguments) {

	public static RowProblem ofFile(String code, Object... arguments) {
		return new RowProblem(null, null, null, code, arguments);
	}

}
