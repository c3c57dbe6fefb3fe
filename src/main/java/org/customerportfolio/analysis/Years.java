package org.customerportfolio.analysis;

/**
 * The (fiscal) years an analysis covers, both included.
 */
public record Years(int from, int to) {

	public boolean single() {
		return this.from == this.to;
	}

}
