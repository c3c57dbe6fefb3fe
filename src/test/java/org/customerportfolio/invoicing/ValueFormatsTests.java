package org.customerportfolio.invoicing;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Numbers and dates as exports write them: which decimal mark and date order a file uses,
 * and the parsing that follows.
 */
class ValueFormatsTests {

	@Test
	void readsAmountsWithADecimalCommaAndThousandsDots() {
		assertThat(ValueFormats.parseAmount("1.234,56", DecimalMark.COMMA)).isEqualByComparingTo("1234.56");
		assertThat(ValueFormats.parseAmount("€ 1.234.567,8", DecimalMark.COMMA)).isEqualByComparingTo("1234567.8");
		assertThat(ValueFormats.parseAmount("1234,56", DecimalMark.COMMA)).isEqualByComparingTo("1234.56");
		assertThat(ValueFormats.parseAmount("1\u00a0234,56 EUR", DecimalMark.COMMA)).isEqualByComparingTo("1234.56");
		assertThat(ValueFormats.parseAmount("12", DecimalMark.COMMA)).isEqualByComparingTo("12");
	}

	@Test
	void readsAmountsWithADecimalPointAndThousandsCommas() {
		assertThat(ValueFormats.parseAmount("1,234.56", DecimalMark.POINT)).isEqualByComparingTo("1234.56");
		assertThat(ValueFormats.parseAmount("+99.5", DecimalMark.POINT)).isEqualByComparingTo("99.5");
	}

	@Test
	void readsNegativeAmountsAsAccountingSoftwareWritesThem() {
		assertThat(ValueFormats.parseAmount("-250,00", DecimalMark.COMMA)).isEqualByComparingTo("-250");
		assertThat(ValueFormats.parseAmount("(1.250,00)", DecimalMark.COMMA)).isEqualByComparingTo("-1250");
		assertThat(ValueFormats.parseAmount("\u2212" + "12.5", DecimalMark.POINT)).isEqualByComparingTo("-12.5");
	}

	@Test
	void readsNothingFromTextThatIsNotAnAmount() {
		for (DecimalMark mark : DecimalMark.values()) {
			assertThat(ValueFormats.parseAmount("12,34,5", mark)).as(mark.name()).isNull();
			assertThat(ValueFormats.parseAmount("€ abc", mark)).as(mark.name()).isNull();
			assertThat(ValueFormats.parseAmount("", mark)).as(mark.name()).isNull();
			assertThat(ValueFormats.parseAmount("12.3.4", mark)).as(mark.name()).isNull();
		}
		assertThat(ValueFormats.parseAmount("1.23,4", DecimalMark.COMMA)).isNull();
		assertThat(ValueFormats.parseAmount("1,234.56", DecimalMark.COMMA)).isNull();
	}

	@Test
	void readsDatesInTheGivenOrderAndRefusesImpossibleOnes() {
		assertThat(ValueFormats.parseDate("04-03-2026", "dd-MM-yyyy")).isEqualTo(LocalDate.of(2026, 3, 4));
		assertThat(ValueFormats.parseDate("4/3/2026", "d/M/yyyy")).isEqualTo(LocalDate.of(2026, 3, 4));
		assertThat(ValueFormats.parseDate("4/3/2026", "M/d/yyyy")).isEqualTo(LocalDate.of(2026, 4, 3));
		assertThat(ValueFormats.parseDate("31-02-2026", "dd-MM-yyyy")).isNull();
		assertThat(ValueFormats.parseDate("29-02-2025", "dd-MM-yyyy")).isNull();
		assertThat(ValueFormats.parseDate("29-02-2028", "dd-MM-yyyy")).isEqualTo(LocalDate.of(2028, 2, 29));
		assertThat(ValueFormats.parseDate("2026-13-01", "yyyy-MM-dd")).isNull();
	}

	@Test
	void readsADateWithATimeAsItsDate() {
		assertThat(ValueFormats.parseDate("2026-03-04 13:45:00", "yyyy-MM-dd")).isEqualTo(LocalDate.of(2026, 3, 4));
		assertThat(ValueFormats.parseDate("2026-03-04T13:45", "yyyy-MM-dd")).isEqualTo(LocalDate.of(2026, 3, 4));
		assertThat(ValueFormats.parseDate("04-03-2026 9:05", "dd-MM-yyyy")).isEqualTo(LocalDate.of(2026, 3, 4));
	}

	@Test
	void cannotTellDayFromMonthWhenNoDayIsAboveTwelve() {
		ValueFormats.DateEvidence evidence = new ValueFormats.DateEvidence();
		for (String date : new String[] { "3/4/2026", "5/6/2026", "12/1/2026" }) {
			evidence.add(date);
		}

		assertThat(evidence.candidates()).containsExactly("d/M/yyyy", "M/d/yyyy");
	}

	@Test
	void tellsDayFromMonthFromOneDayAboveTwelve() {
		ValueFormats.DateEvidence evidence = new ValueFormats.DateEvidence();
		for (String date : new String[] { "3/4/2026", "5/6/2026", "25/1/2026", "" }) {
			evidence.add(date);
		}

		assertThat(evidence.candidates()).containsExactly("d/M/yyyy");
		assertThat(evidence.values()).isEqualTo(3);
	}

	@Test
	void prefersTwoDigitDaysAndMonthsWhenBothDashOrdersReadEverything() {
		ValueFormats.DateEvidence evidence = new ValueFormats.DateEvidence();
		evidence.add("03-04-2026");
		evidence.add("28-11-2025");

		assertThat(evidence.candidates()).containsExactly("dd-MM-yyyy");
	}

	@Test
	void findsNoDateOrderForValuesThatAreNoDates() {
		ValueFormats.DateEvidence evidence = new ValueFormats.DateEvidence();
		evidence.add("gisteren");
		evidence.add("31-02-2026");

		assertThat(evidence.candidates()).isEmpty();
	}

	@Test
	void findsTheDecimalMarkFromTheAmounts() {
		assertThat(decimals("1.234,56", "12,5").decided(',')).isEqualTo(DecimalMark.COMMA);
		assertThat(decimals("1,234.56", "12.5").decided(';')).isEqualTo(DecimalMark.POINT);
		assertThat(decimals("€ 1.234,56").decided(',')).isEqualTo(DecimalMark.COMMA);
	}

	@Test
	void fallsBackOnTheSeparatorWhenTheAmountsDoNotTell() {
		assertThat(decimals("1,234", "12").decided(';')).isEqualTo(DecimalMark.COMMA);
		assertThat(decimals("1,234", "12").decided(',')).isEqualTo(DecimalMark.POINT);
		assertThat(decimals("1.234").decided('\t')).isEqualTo(DecimalMark.POINT);
	}

	@Test
	void findsAmountsWithBothMarksAmbiguous() {
		assertThat(decimals("1.234,56", "12.5").decided(';')).isNull();
	}

	private static ValueFormats.DecimalEvidence decimals(String... amounts) {
		ValueFormats.DecimalEvidence evidence = new ValueFormats.DecimalEvidence();
		for (String amount : amounts) {
			evidence.add(amount);
		}
		return evidence;
	}

}
