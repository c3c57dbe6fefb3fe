package org.customerportfolio.sheet;

import java.time.Instant;
import java.util.List;

import org.customerportfolio.shared.Formats;
import org.customerportfolio.shared.Language;
import org.jspecify.annotations.Nullable;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * How a cell reads: labels instead of codes, numbers and dates in the reader's language,
 * and the colour class of a level (its place between the criterion's best and worst).
 */
@Component("sheetCells")
public class SheetCells {

	private final Formats formats;

	SheetCells(Formats formats) {
		this.formats = formats;
	}

	public String text(SheetColumn column, SheetRow row) {
		if (column.type() == ColumnType.TAGS) {
			return String.join(", ", row.tags());
		}
		return text(column, row.value(column.key()), language());
	}

	String text(SheetColumn column, @Nullable Object value, Language language) {
		if (value == null) {
			return "";
		}
		return switch (column.type()) {
			case CHOICE, LEVEL -> column.label((String) value, language);
			case LEVELS -> String.join(", ",
					((List<?>) value).stream().map((code) -> column.label((String) code, language)).toList());
			case NUMBER -> this.formats.number((Number) value);
			case SCORE -> this.formats.score((Number) value);
			case MONEY -> this.formats.money((Number) value);
			case PERCENT -> this.formats.score((Number) value) + " %";
			case DATE -> this.formats.date((Instant) value);
			case TEXT -> "country".equals(column.key()) ? this.formats.country((String) value) : (String) value;
			case TAGS -> "";
		};
	}

	/**
	 * CSS classes: numbers align right; levels are coloured from best (0) to worst (3).
	 */
	public String css(SheetColumn column, SheetRow row) {
		if (column.type().numeric()) {
			Object value = row.value(column.key());
			return (value instanceof java.math.BigDecimal number && number.signum() < 0) ? "num negative" : "num";
		}
		if (column.type() == ColumnType.LEVEL && column.criterion() != null) {
			Object code = row.value(column.key());
			return (code == null) ? "lvl"
					: column.criterion()
						.level((String) code)
						.map((level) -> "lvl lvl-" + (3 - Math.min(3, level.score() / 25)))
						.orElse("lvl");
		}
		return "";
	}

	private static Language language() {
		return Language.of(LocaleContextHolder.getLocale());
	}

}
