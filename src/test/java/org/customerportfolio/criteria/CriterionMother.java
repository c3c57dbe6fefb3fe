package org.customerportfolio.criteria;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Criteria for tests, built in memory: an ordinal scale on an axis by default, changed
 * one property at a time.
 */
public final class CriterionMother {

	private static long ids = 1000;

	private final String code;

	private CriterionKind kind = CriterionKind.ORDINAL;

	private Axis axis = Axis.ATTRACTIVENESS;

	private BigDecimal weight = BigDecimal.ONE;

	private BigDecimal min;

	private BigDecimal max;

	private boolean retired;

	private final List<Level> levels = new ArrayList<>();

	private CriterionMother(String code) {
		this.code = code;
	}

	public static CriterionMother criterion(String code) {
		return new CriterionMother(code);
	}

	/** Levels as alternating keys and scores: {@code levels("high", 100, "low", 0)}. */
	public CriterionMother levels(Object... keysAndScores) {
		for (int i = 0; i < keysAndScores.length; i += 2) {
			String key = (String) keysAndScores[i];
			this.levels.add(new Level(key, key + " (nl)", key, (Integer) keysAndScores[i + 1]));
		}
		return this;
	}

	public CriterionMother on(Axis axis) {
		this.axis = axis;
		return this;
	}

	public CriterionMother weighing(String weight) {
		this.weight = new BigDecimal(weight);
		return this;
	}

	public CriterionMother ofKind(CriterionKind kind) {
		this.kind = kind;
		return this;
	}

	public CriterionMother ranging(String min, String max) {
		this.min = new BigDecimal(min);
		this.max = new BigDecimal(max);
		return this;
	}

	public CriterionMother retired() {
		this.retired = true;
		return this;
	}

	public Criterion build() {
		return new Criterion(ids++, 0L, this.code, this.code + " (nl)", this.code, null, null, this.kind, this.weight,
				this.axis, this.min, this.max, 1, this.retired, this.levels);
	}

}
