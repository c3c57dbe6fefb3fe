package org.customerportfolio.retention.web;

import java.util.List;

import org.customerportfolio.shared.InvalidInputException;
import org.customerportfolio.shared.RuleViolation;
import org.jspecify.annotations.Nullable;

import org.springframework.context.i18n.LocaleContextHolder;

/**
 * Percentages and ratios typed in a form, with a decimal comma or point (a percentage has
 * no thousands, so either reads the same): 7,5 and 7.5 are both seven and a half.
 */
final class Percentages {

	private Percentages() {
	}

	/**
	 * The number typed, or nothing when the field is empty; refused when it is not a
	 * number.
	 */
	static @Nullable Double parse(@Nullable String text, String field) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String cleaned = text.strip().replace("%", "").replace('×', ' ').replace("x", "").strip().replace(',', '.');
		try {
			double value = Double.parseDouble(cleaned);
			if (Double.isNaN(value) || Double.isInfinite(value)) {
				throw new NumberFormatException(text);
			}
			return value;
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException(List.of(new RuleViolation(field, "retention.number.invalid", text)));
		}
	}

	static @Nullable Double parseOrNull(@Nullable String text) {
		try {
			return parse(text, "value");
		}
		catch (InvalidInputException ex) {
			return null;
		}
	}

	/** A number for a form field, in the user's language, without needless decimals. */
	static String format(double value) {
		java.text.NumberFormat format = java.text.NumberFormat.getNumberInstance(LocaleContextHolder.getLocale());
		format.setGroupingUsed(false);
		format.setMaximumFractionDigits(2);
		return format.format(value);
	}

}
