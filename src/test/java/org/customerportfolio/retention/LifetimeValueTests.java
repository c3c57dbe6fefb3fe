package org.customerportfolio.retention;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * margin × r / (1 + i − r), by hand.
 */
class LifetimeValueTests {

	@Test
	void isTheMarginTimesRetentionOverOnePlusDiscountMinusRetention() {
		// 1,000 × 0.9 / (1 + 0.1 − 0.9) = 1,000 × 4.5
		assertThat(LifetimeValue.of(new BigDecimal("1000"), 0.9, 0.1)).isEqualByComparingTo("4500.00");
		// 2,500 × 0.5 / (1 + 0.08 − 0.5) = 2,500 × 0.862069
		assertThat(LifetimeValue.of(new BigDecimal("2500"), 0.5, 0.08)).isEqualByComparingTo("2155.17");
		assertThat(LifetimeValue.multiple(0.9, 0.1)).isEqualTo(4.5);
	}

	@Test
	void hasNoFiniteValueForCustomersWhoNeverLeaveAtNoDiscount() {
		assertThat(LifetimeValue.of(new BigDecimal("1000"), 1.0, 0.0)).isNull();
		assertThat(LifetimeValue.of(new BigDecimal("1000"), 0.0, 0.0)).isEqualByComparingTo("0");
	}

	@Test
	void refusesRatesOutsideTheirRange() {
		assertThatIllegalArgumentException().isThrownBy(() -> LifetimeValue.of(BigDecimal.TEN, 1.2, 0.1));
		assertThatIllegalArgumentException().isThrownBy(() -> LifetimeValue.of(BigDecimal.TEN, 0.9, -0.1));
	}

}
