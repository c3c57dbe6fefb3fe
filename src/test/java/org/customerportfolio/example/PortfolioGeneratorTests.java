package org.customerportfolio.example;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.customerportfolio.analysis.Concentration;
import org.customerportfolio.analysis.CustomerFigure;
import org.customerportfolio.example.ExamplePortfolio.Scale;
import org.customerportfolio.example.PortfolioGenerator.Customer;
import org.customerportfolio.retention.CustomerYear;
import org.customerportfolio.retention.Retention;
import org.customerportfolio.retention.Retention.RetentionFigures;
import org.customerportfolio.shared.Language;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The generator keeps its promises for any seed: the same seed gives the same portfolio;
 * the first year's customers lose 40–55 % of their number in five years as the retention
 * module counts it; the best fifth of the customers brings 60–85 % of the margin and some
 * customers lose money; revenue follows the seasons.
 */
class PortfolioGeneratorTests {

	private static final LocalDate AS_OF = LocalDate.of(2026, 11, 27);

	@Test
	void theSameSeedGivesTheSamePortfolio() {
		String first = new PortfolioGenerator(Scale.example(), AS_OF, Language.NL).digest();
		String again = new PortfolioGenerator(Scale.example(), AS_OF, Language.NL).digest();
		String other = new PortfolioGenerator(new Scale(150, 5, 6000, 7), AS_OF, Language.NL).digest();
		assertThat(again).isEqualTo(first);
		assertThat(other).isNotEqualTo(first);
	}

	@Test
	void namesFollowTheLanguageWhereTheyAreWords() {
		List<Customer> dutch = new PortfolioGenerator(Scale.example(), AS_OF, Language.NL).customers();
		List<Customer> english = new PortfolioGenerator(Scale.example(), AS_OF, Language.EN).customers();
		assertThat(dutch).extracting(Customer::name).anyMatch((name) -> name.startsWith("Gemeente "));
		assertThat(english).extracting(Customer::name).anyMatch((name) -> name.startsWith("Municipality of "));
		assertThat(dutch).extracting(Customer::name).doesNotHaveDuplicates();
		assertThat(dutch).extracting(Customer::businessType)
			.contains("municipal", "government", "contractor", "manufacturer", "investor", "consultant", "other");
	}

	@Test
	void losesAboutHalfOfTheFirstYearsCustomersInFiveYears() {
		for (long seed : new long[] { 2026, 1, 42, 99 }) {
			RetentionFigures figures = Retention
				.of(years(new PortfolioGenerator(new Scale(150, 5, 6000, seed), AS_OF, Language.EN)));
			assertThat(figures.fiveYearLoss().measured()).isTrue();
			assertThat(figures.fiveYearLoss().from()).isEqualTo(2021);
			assertThat(figures.fiveYearLoss().rate()).as("seed %d", seed).isBetween(0.40, 0.55);
			assertThat(figures.meanRetention()).isBetween(0.82, 0.93);
		}
	}

	@Test
	void aFifthOfTheCustomersBringsMostOfTheMarginAndSomeLoseMoney() {
		for (long seed : new long[] { 2026, 1, 42, 99 }) {
			PortfolioGenerator generator = new PortfolioGenerator(new Scale(150, 5, 6000, seed), AS_OF, Language.EN);
			Map<Long, BigDecimal> margin = new HashMap<>();
			for (Customer customer : generator.customers()) {
				generator.lines(customer, (line) -> {
					if (line.date().getYear() == 2025) {
						margin.merge((long) customer.index(), line.margin(), BigDecimal::add);
					}
				});
			}
			List<CustomerFigure> figures = new ArrayList<>();
			margin.forEach((id, value) -> figures.add(new CustomerFigure(id, "c" + id, value)));
			Concentration concentration = Concentration.of(figures);
			assertThat(concentration.top20Share()).as("seed %d", seed).isBetween(60.0, 85.0);
			assertThat(concentration.lossMakers().count()).as("seed %d", seed).isGreaterThanOrEqualTo(3);
		}
	}

	@Test
	void revenueFollowsTheSeasonsAndTheScale() {
		PortfolioGenerator generator = new PortfolioGenerator(new Scale(400, 5, 10_000, 3), AS_OF, Language.EN);
		Map<Month, BigDecimal> byMonth = new TreeMap<>();
		long[] lines = { 0 };
		for (Customer customer : generator.customers()) {
			generator.lines(customer, (line) -> {
				lines[0]++;
				assertThat(line.date()).isBetween(LocalDate.of(2021, 1, 1), AS_OF);
				if (line.date().getYear() < 2026) {
					byMonth.merge(line.date().getMonth(), line.amount(), BigDecimal::add);
				}
			});
		}
		assertThat(byMonth.get(Month.AUGUST)).isLessThan(byMonth.get(Month.DECEMBER));
		assertThat(byMonth.get(Month.JULY)).isLessThan(byMonth.get(Month.MARCH));
		assertThat(lines[0]).isEqualTo(generator.plannedLines()).isBetween(49_000L, 51_500L);
	}

	@Test
	void refusesAScaleThatMakesNoSense() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Scale(0, 5, 100, 1));
		assertThatIllegalArgumentException().isThrownBy(() -> new Scale(10, 0, 100, 1));
		assertThatIllegalArgumentException().isThrownBy(() -> new Scale(10, 5, -1, 1));
	}

	/**
	 * The generated lines as the retention module reads them: per customer and calendar
	 * year.
	 */
	static List<CustomerYear> years(PortfolioGenerator generator) {
		List<CustomerYear> rows = new ArrayList<>();
		for (Customer customer : generator.customers()) {
			Map<Integer, BigDecimal[]> years = new TreeMap<>();
			generator.lines(customer, (line) -> {
				BigDecimal[] sums = years.computeIfAbsent(line.date().getYear(),
						(year) -> new BigDecimal[] { BigDecimal.ZERO, BigDecimal.ZERO });
				sums[0] = sums[0].add(line.amount());
				sums[1] = sums[1].add(line.margin());
			});
			years.forEach((year, sums) -> rows.add(new CustomerYear(customer.index(), year, sums[0], sums[1])));
		}
		return rows;
	}

}
