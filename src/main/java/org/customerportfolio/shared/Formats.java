package org.customerportfolio.shared;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Numbers, dates and moments written the way the current user's language writes them (nl:
 * 1.234,56 and 27-11-2026). Templates reach it as {@code @formats}.
 */
@Component("formats")
public class Formats {

	private static final DateTimeFormatter DUTCH_DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");

	private static final DateTimeFormatter ENGLISH_DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

	private final ZoneId zone;

	Formats(@Value("${portfolio.time-zone:Europe/Amsterdam}") String zone) {
		this.zone = ZoneId.of(zone);
	}

	public ZoneId zone() {
		return this.zone;
	}

	public String date(@Nullable TemporalAccessor date) {
		if (date == null) {
			return "";
		}
		TemporalAccessor value = (date instanceof Instant instant) ? instant.atZone(this.zone) : date;
		return dateFormatter().format(value);
	}

	public String dateTime(@Nullable Instant instant) {
		if (instant == null) {
			return "";
		}
		return date(instant) + " " + DateTimeFormatter.ofPattern("HH:mm").format(instant.atZone(this.zone));
	}

	public String number(@Nullable Number number) {
		if (number == null) {
			return "";
		}
		NumberFormat format = NumberFormat.getNumberInstance(locale());
		format.setMaximumFractionDigits(2);
		format.setMinimumFractionDigits((number instanceof BigDecimal || number instanceof Double) ? 2 : 0);
		return format.format(number);
	}

	/** An amount of money: always two decimals (1.234,50 · 1,234.50). */
	public String money(@Nullable Number number) {
		if (number == null) {
			return "";
		}
		NumberFormat format = NumberFormat.getNumberInstance(locale());
		format.setMinimumFractionDigits(2);
		format.setMaximumFractionDigits(2);
		format.setRoundingMode(java.math.RoundingMode.HALF_UP);
		return format.format(number);
	}

	/** A score, weight or share: at most one decimal, none when whole (77,7 · 100). */
	public String score(@Nullable Number number) {
		if (number == null) {
			return "";
		}
		NumberFormat format = NumberFormat.getNumberInstance(locale());
		format.setMaximumFractionDigits(1);
		format.setMinimumFractionDigits(0);
		return format.format(number);
	}

	/** A country's name in the user's language, from its ISO 3166 code. */
	public String country(@Nullable String code) {
		return (code == null) ? "" : new Locale("", code).getDisplayCountry(locale());
	}

	public LocalDate today() {
		return LocalDate.now(this.zone);
	}

	private DateTimeFormatter dateFormatter() {
		return (Language.of(locale()) == Language.NL) ? DUTCH_DATE : ENGLISH_DATE;
	}

	private static Locale locale() {
		return LocaleContextHolder.getLocale();
	}

}
