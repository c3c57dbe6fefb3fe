package org.customerportfolio.invoicing;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * Which character separates the decimals in a file's numbers: {@code 1.234,56} or
 * {@code 1,234.56}.
 */
public enum DecimalMark {

	COMMA, POINT;

	/**
	 * Reads an amount written with this mark; nothing when the text is not such an
	 * amount.
	 */
	public @Nullable BigDecimal parse(String text) {
		return ValueFormats.parseAmount(text, this);
	}

}
