package org.customerportfolio.retention;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The top fifth's share of revenue, by hand.
 */
class TopShareTests {

	@Test
	void isTheRevenueOfTheLargestFifthOverAllRevenue() {
		// ten customers: the top two (50 + 20) of 100
		List<BigDecimal> revenues = List.of(amount(5), amount(20), amount(3), amount(50), amount(2), amount(4),
				amount(6), amount(3), amount(4), amount(3));

		TopShare.Share share = TopShare.of(revenues, 0.2);

		assertThat(share.customers()).isEqualTo(10);
		assertThat(share.top()).isEqualTo(2);
		assertThat(share.share()).isEqualTo(0.7);
	}

	@Test
	void roundsTheTopUpToWholeCustomersAndLeavesOutThoseWithoutRevenue() {
		// six customers with revenue: 20 % is 1.2, so two; the credit and the zero do not
		// count
		List<BigDecimal> revenues = List.of(amount(40), amount(30), amount(10), amount(10), amount(5), amount(5),
				amount(0), amount(-7));

		TopShare.Share share = TopShare.of(revenues, 0.2);

		assertThat(share.customers()).isEqualTo(6);
		assertThat(share.top()).isEqualTo(2);
		assertThat(share.share()).isEqualTo(0.7);
	}

	@Test
	void hasNoShareWithoutRevenue() {
		assertThat(TopShare.of(List.of(), 0.2).share()).isNull();
	}

	private static BigDecimal amount(int value) {
		return BigDecimal.valueOf(value);
	}

}
