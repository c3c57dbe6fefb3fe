package org.customerportfolio.shared;

import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Paging parameters as requests send them.
 */
class PageQueryTests {

	private static final Set<String> SORTABLE = Set.of("name", "city");

	@Test
	void fallsBackToSensibleDefaults() {
		PageQuery query = PageQuery.of(null, null, null, SORTABLE, "name");

		assertThat(query).isEqualTo(new PageQuery(0, 25, "name", true));
		assertThat(PageQuery.of(-3, 0, " ", SORTABLE, "name").page()).isZero();
	}

	@Test
	void capsThePageSize() {
		assertThat(PageQuery.of(0, 100_000, null, SORTABLE, "name").size()).isEqualTo(PageQuery.MAX_SIZE);
	}

	@Test
	void readsTheSortFieldAndDirection() {
		assertThat(PageQuery.of(2, 10, "city,desc", SORTABLE, "name")).isEqualTo(new PageQuery(2, 10, "city", false));
		assertThat(PageQuery.of(2, 10, "city", SORTABLE, "name").ascending()).isTrue();
		assertThat(PageQuery.of(2, 10, "city,asc", SORTABLE, "name").offset()).isEqualTo(20);
	}

	@Test
	void refusesToSortOnAnythingElse() {
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> PageQuery.of(0, 10, "password_hash,asc", SORTABLE, "name"))
			.satisfies((invalid) -> assertThat(invalid.violations().get(0).field()).isEqualTo("sort"));
	}

}
