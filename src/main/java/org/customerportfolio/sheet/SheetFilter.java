package org.customerportfolio.sheet;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.Set;

import org.customerportfolio.shared.RuleViolation;
import org.jspecify.annotations.Nullable;

/**
 * A filter on one column, read from its text form in a URL ({@code f.<column>=…}):
 * <ul>
 * <li>text: the rows whose value contains it, ignoring case;</li>
 * <li>coded columns and tags: one or more codes separated by commas, {@code -} for
 * "none";</li>
 * <li>numbers and dates: a range {@code min..max}, either end may be left open; a single
 * value means exactly that value.</li>
 * </ul>
 */
public sealed interface SheetFilter {

	/** The filter's text form, as it appears in a URL. */
	String text();

	record Contains(String text) implements SheetFilter {
	}

	record Codes(String text, Set<String> codes, boolean none) implements SheetFilter {

		public Codes {
			codes = Set.copyOf(codes);
		}

	}

	record NumberRange(String text, @Nullable BigDecimal min, @Nullable BigDecimal max) implements SheetFilter {
	}

	record DateRange(String text, @Nullable LocalDate from, @Nullable LocalDate to) implements SheetFilter {
	}

	static SheetFilter parse(SheetColumn column, String raw) {
		String text = raw.strip();
		String field = "f." + column.key();
		return switch (column.type()) {
			case TEXT -> new Contains(text);
			case CHOICE, LEVEL, LEVELS, TAGS -> codes(column, text, field);
			case NUMBER, SCORE, MONEY, PERCENT -> {
				String[] ends = ends(text);
				BigDecimal min = number(ends[0], field, raw);
				BigDecimal max = number(ends[1], field, raw);
				if (min != null && max != null && min.compareTo(max) > 0) {
					throw new RuleViolation(field, "sheet.filter.rangeReversed", column.key(), raw);
				}
				yield new NumberRange(text, min, max);
			}
			case DATE -> {
				String[] ends = ends(text);
				LocalDate from = date(ends[0], field, raw);
				LocalDate to = date(ends[1], field, raw);
				if (from != null && to != null && from.isAfter(to)) {
					throw new RuleViolation(field, "sheet.filter.rangeReversed", column.key(), raw);
				}
				yield new DateRange(text, from, to);
			}
		};
	}

	private static Codes codes(SheetColumn column, String text, String field) {
		Set<String> codes = new LinkedHashSet<>();
		boolean none = false;
		for (String part : text.split(",")) {
			String code = part.strip();
			if (code.equals("-")) {
				none = true;
			}
			else if (!code.isEmpty()) {
				if (column.type() != ColumnType.TAGS && column.choice(code).isEmpty()) {
					throw new RuleViolation(field, "sheet.filter.unknownCode", code, column.key(),
							String.join(", ", column.choices().stream().map(SheetColumn.Choice::code).toList()));
				}
				codes.add(code);
			}
		}
		return new Codes(text, codes, none);
	}

	private static String[] ends(String text) {
		int dots = text.indexOf("..");
		if (dots < 0) {
			return new String[] { text, text };
		}
		return new String[] { text.substring(0, dots).strip(), text.substring(dots + 2).strip() };
	}

	private static @Nullable BigDecimal number(String text, String field, String raw) {
		if (text.isEmpty()) {
			return null;
		}
		String normalised = text.replace(" ", "");
		if (normalised.contains(",") && !normalised.contains(".")) {
			normalised = normalised.replace(',', '.');
		}
		try {
			return new BigDecimal(normalised);
		}
		catch (NumberFormatException ex) {
			throw new RuleViolation(field, "sheet.filter.number", raw);
		}
	}

	private static @Nullable LocalDate date(String text, String field, String raw) {
		if (text.isEmpty()) {
			return null;
		}
		try {
			return LocalDate.parse(text);
		}
		catch (DateTimeParseException ex) {
			throw new RuleViolation(field, "sheet.filter.date", raw);
		}
	}

}
