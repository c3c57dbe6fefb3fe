package org.customerportfolio.invoicing;

/**
 * Which character separates the decimals in a file's numbers: {@code 1.234,56} or
 * {@code 1,234.56}.
 */
public enum DecimalMark {

	COMMA, POINT

}
