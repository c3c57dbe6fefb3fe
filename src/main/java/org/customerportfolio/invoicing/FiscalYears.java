package org.customerportfolio.invoicing;

import java.time.LocalDate;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Which year a month counts in: the calendar year, or a fiscal year that starts in a
 * configured month and is named after the year it ends in (a year starting in April 2025
 * is fiscal year 2026).
 */
@Component
public class FiscalYears {

	private final int startMonth;

	FiscalYears(@Value("${portfolio.fiscal-year-start-month:1}") int startMonth) {
		this.startMonth = Math.max(1, Math.min(12, startMonth));
	}

	/** The month (1–12) a year starts in. */
	public int startMonth() {
		return this.startMonth;
	}

	public boolean calendar() {
		return this.startMonth == 1;
	}

	public int yearOf(LocalDate date) {
		return (this.startMonth == 1 || date.getMonthValue() < this.startMonth) ? date.getYear() : date.getYear() + 1;
	}

	/** The first day of a year. */
	public LocalDate start(int year) {
		return LocalDate.of(year, this.startMonth, 1).minusYears((this.startMonth == 1) ? 0 : 1);
	}

	/** The same rule in SQL, for a date column or expression. */
	String sqlYearOf(String date) {
		return (this.startMonth == 1) ? "cast(extract(year from " + date + ") as integer)"
				: "cast(extract(year from " + date + ") + case when extract(month from " + date + ") >= "
						+ this.startMonth + " then 1 else 0 end as integer)";
	}

}
