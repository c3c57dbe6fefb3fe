package org.customerportfolio.analysis;

import java.util.List;
import java.util.Locale;

import org.customerportfolio.shared.InvalidInputException;
import org.customerportfolio.shared.RuleViolation;
import org.jspecify.annotations.Nullable;

/**
 * What the concentration ranks customers by: revenue, or margin where it is known.
 */
public enum Measure {

	REVENUE, MARGIN;

	/**
	 * The measure named in a request ({@code revenue} when none is named).
	 * @throws InvalidInputException for any other name
	 */
	public static Measure parse(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return REVENUE;
		}
		try {
			return valueOf(text.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException(List.of(new RuleViolation("measure", "analysis.measure.unknown", text)));
		}
	}

	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

}
