package org.customerportfolio.shared;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a longer list: the rows, where they sit, and how many there are in all.
 */
public record PageSlice<T>(List<T> content, int page, int size, long totalElements) {

	public int totalPages() {
		return (this.size == 0) ? 0 : (int) ((this.totalElements + this.size - 1) / this.size);
	}

	public boolean hasNext() {
		return this.page + 1 < totalPages();
	}

	public boolean hasPrevious() {
		return this.page > 0;
	}

	public <R> PageSlice<R> map(Function<T, R> mapper) {
		return new PageSlice<>(this.content.stream().map(mapper).toList(), this.page, this.size, this.totalElements);
	}

}
