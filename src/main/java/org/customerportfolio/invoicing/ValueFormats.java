package org.customerportfolio.invoicing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * How numbers and dates are written in a file, found from its values, and the parsing
 * that follows: decimal comma or point with thousands separators, and the usual date
 * orders. Impossible dates (31-02-2026) do not parse.
 */
final class ValueFormats {

	/** The date orders accounting exports use, ISO first. */
	static final List<String> DATE_PATTERNS = List.of("yyyy-MM-dd", "dd-MM-yyyy", "d-M-yyyy", "d/M/yyyy", "M/d/yyyy",
			"d.M.yyyy", "yyyy/M/d");

	private static final Map<String, DateTimeFormatter> FORMATTERS = new LinkedHashMap<>();

	/**
	 * The shape each pattern's dates have, checked before parsing: most candidates fail
	 * here, cheaply.
	 */
	private static final Map<String, Pattern> SHAPES = new LinkedHashMap<>();

	static {
		for (String pattern : DATE_PATTERNS) {
			FORMATTERS.put(pattern, formatter(pattern));
			SHAPES.put(pattern, shape(pattern));
		}
	}

	private static Pattern shape(String pattern) {
		StringBuilder regex = new StringBuilder();
		for (String part : pattern.split("(?<=[^A-Za-z])|(?=[^A-Za-z])")) {
			regex.append(switch (part) {
				case "yyyy" -> "\\d{4}";
				case "MM", "dd" -> "\\d{2}";
				case "M", "d" -> "\\d{1,2}";
				default -> Pattern.quote(part);
			});
		}
		return Pattern.compile(regex.toString());
	}

	private static final Pattern COMMA_NUMBER = Pattern.compile("-?(\\d{1,3}(\\.\\d{3})+|\\d+)(,\\d+)?");

	private static final Pattern POINT_NUMBER = Pattern.compile("-?(\\d{1,3}(,\\d{3})+|\\d+)(\\.\\d+)?");

	private static final Pattern TIME_PART = Pattern.compile("([T ]\\d{1,2}:\\d{2}(:\\d{2}(\\.\\d+)?)?.*)$");

	private ValueFormats() {
	}

	static DateTimeFormatter formatter(String pattern) {
		return DateTimeFormatter.ofPattern(pattern.replace('y', 'u')).withResolverStyle(ResolverStyle.STRICT);
	}

	/**
	 * Reads an amount: currency signs and spaces are ignored, thousands separators must
	 * sit every three digits. Answers nothing for text that is not such a number
	 * ({@code 12,34,5}, {@code € abc}).
	 */
	static @Nullable BigDecimal parseAmount(String text, DecimalMark mark) {
		String plain = text.replace("€", "")
			.replace("EUR", "")
			.replace("\u00a0", "")
			.replace(" ", "")
			.replace("\u2212", "-")
			.strip();
		if (plain.isEmpty() || plain.length() > 40) {
			return null;
		}
		if (plain.startsWith("(") && plain.endsWith(")")) {
			plain = "-" + plain.substring(1, plain.length() - 1);
		}
		if (plain.startsWith("+")) {
			plain = plain.substring(1);
		}
		if (mark == DecimalMark.COMMA) {
			if (!COMMA_NUMBER.matcher(plain).matches()) {
				return null;
			}
			return new BigDecimal(plain.replace(".", "").replace(",", "."));
		}
		if (!POINT_NUMBER.matcher(plain).matches()) {
			return null;
		}
		return new BigDecimal(plain.replace(",", ""));
	}

	/** Reads a date in the given order; a time after the date is ignored. */
	static @Nullable LocalDate parseDate(String text, String pattern) {
		String plain = TIME_PART.matcher(text.strip()).replaceFirst("");
		Pattern shape = SHAPES.get(pattern);
		if (shape != null && !shape.matcher(plain).matches()) {
			return null;
		}
		DateTimeFormatter formatter = FORMATTERS.getOrDefault(pattern, null);
		try {
			return LocalDate.parse(plain, (formatter != null) ? formatter : formatter(pattern));
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	/**
	 * Collects evidence about the decimal mark from the values of the amount columns.
	 */
	static final class DecimalEvidence {

		private long comma;

		private long point;

		void add(String text) {
			String plain = text.replace("€", "").replace(" ", "").replace("\u00a0", "").strip();
			int lastComma = plain.lastIndexOf(',');
			int lastPoint = plain.lastIndexOf('.');
			if (lastComma > lastPoint && decisive(plain, lastComma, lastPoint)) {
				this.comma++;
			}
			else if (lastPoint > lastComma && decisive(plain, lastPoint, lastComma)) {
				this.point++;
			}
		}

		/** "1,234" could be either; "12,5", "1.234,56" and "1,234.5" cannot. */
		private static boolean decisive(String text, int mark, int other) {
			int decimals = text.length() - mark - 1;
			return decimals != 3 || other >= 0;
		}

		/** The mark the values show; a file that shows both is ambiguous (null). */
		@Nullable DecimalMark decided(char separator) {
			if (this.comma > 0 && this.point > 0) {
				return null;
			}
			if (this.comma > 0) {
				return DecimalMark.COMMA;
			}
			if (this.point > 0) {
				return DecimalMark.POINT;
			}
			return (separator == ';') ? DecimalMark.COMMA : DecimalMark.POINT;
		}

	}

	/**
	 * Collects evidence about the date order: how many values each order reads.
	 */
	static final class DateEvidence {

		private final Map<String, Long> parsed = new LinkedHashMap<>();

		/** The patterns each distinct value reads with: each value is tried once. */
		private final Memo<List<String>> readWith = new Memo<>(
				(text) -> DATE_PATTERNS.stream().filter((pattern) -> parseDate(text, pattern) != null).toList());

		private long values;

		void add(String text) {
			if (text.isBlank()) {
				return;
			}
			this.values++;
			for (String pattern : this.readWith.get(text)) {
				this.parsed.merge(pattern, 1L, Long::sum);
			}
		}

		/**
		 * The orders that read the most values, best first: one when the data decides,
		 * more when it does not.
		 */
		List<String> candidates() {
			long best = this.parsed.values().stream().mapToLong(Long::longValue).max().orElse(0);
			if (best == 0) {
				return List.of();
			}
			return this.parsed.entrySet()
				.stream()
				.filter((entry) -> entry.getValue() == best)
				.map(Map.Entry::getKey)
				.filter((
						pattern) -> !(pattern.equals("d-M-yyyy") && this.parsed.getOrDefault("dd-MM-yyyy", 0L) == best))
				.toList();
		}

		long values() {
			return this.values;
		}

	}

}
