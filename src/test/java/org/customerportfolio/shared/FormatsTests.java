package org.customerportfolio.shared;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.i18n.LocaleContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Numbers and dates written in the user's language.
 */
class FormatsTests {

	private final Formats formats = new Formats("Europe/Amsterdam");

	@AfterEach
	void resetLocale() {
		LocaleContextHolder.resetLocaleContext();
	}

	@Test
	void writesDutchNumbersAndDates() {
		LocaleContextHolder.setLocale(Language.NL.locale());

		assertThat(this.formats.number(new BigDecimal("1234.56"))).isEqualTo("1.234,56");
		assertThat(this.formats.number(1234567)).isEqualTo("1.234.567");
		assertThat(this.formats.date(LocalDate.of(2026, 11, 27))).isEqualTo("27-11-2026");
		assertThat(this.formats.dateTime(Instant.parse("2026-11-27T23:30:00Z"))).isEqualTo("28-11-2026 00:30");
		assertThat(this.formats.country("DE")).isEqualTo("Duitsland");
		assertThat(this.formats.score(77.66)).isEqualTo("77,7");
		assertThat(this.formats.score(100.0)).isEqualTo("100");
	}

	@Test
	void writesEnglishNumbersAndDates() {
		LocaleContextHolder.setLocale(Language.EN.locale());

		assertThat(this.formats.number(new BigDecimal("1234.56"))).isEqualTo("1,234.56");
		assertThat(this.formats.date(LocalDate.of(2026, 11, 27))).isEqualTo("27 Nov 2026");
		assertThat(this.formats.country("DE")).isEqualTo("Germany");
	}

	@Test
	void writesNothingForNothing() {
		assertThat(this.formats.date(null)).isEmpty();
		assertThat(this.formats.number(null)).isEmpty();
	}

}
