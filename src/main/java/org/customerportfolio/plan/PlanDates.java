package org.customerportfolio.plan;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.List;

import org.customerportfolio.shared.InvalidInputException;
import org.customerportfolio.shared.RuleViolation;
import org.jspecify.annotations.Nullable;

/**
 * Dates typed into plan forms and API requests: ISO (2026-11-27, what a date field
 * sends), Dutch (27-11-2026) or with slashes (27/11/2026). Anything else, or a day that
 * does not exist, is refused with the field named.
 */
public final class PlanDates {

	private static final List<DateTimeFormatter> FORMATS = List.of(DateTimeFormatter.ofPattern("uuuu-MM-dd"),
			DateTimeFormatter.ofPattern("d-M-uuuu"), DateTimeFormatter.ofPattern("d/M/uuuu"));

	private PlanDates() {
	}

	/** The date, or nothing when the text is empty. */
	public static @Nullable LocalDate parse(@Nullable String text, String field) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String trimmed = text.strip();
		for (DateTimeFormatter format : FORMATS) {
			try {
				return LocalDate.parse(trimmed, format.withResolverStyle(ResolverStyle.STRICT));
			}
			catch (DateTimeException ex) {
				// try the next shape
			}
		}
		throw new InvalidInputException(List.of(new RuleViolation(field, "plan.date.invalid", trimmed)));
	}

}
