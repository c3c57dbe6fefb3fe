package org.customerportfolio.analysis;

import java.util.List;
import java.util.Locale;

import org.customerportfolio.shared.InvalidInputException;
import org.customerportfolio.shared.RuleViolation;
import org.jspecify.annotations.Nullable;

/**
 * What an axis of the portfolio matrix shows: one of the two scores, any criterion's
 * score ({@code criterion:share_of_wallet}), or a figure of the period (revenue, margin,
 * growth of the last year against the one before).
 */
public record MatrixAxis(Kind kind, @Nullable String criterion) {

	public enum Kind {

		ATTRACTIVENESS, RELATIONSHIP, CRITERION, REVENUE, MARGIN, GROWTH

	}

	public static final MatrixAxis ATTRACTIVENESS = new MatrixAxis(Kind.ATTRACTIVENESS, null);

	public static final MatrixAxis RELATIONSHIP = new MatrixAxis(Kind.RELATIONSHIP, null);

	static final String CRITERION_PREFIX = "criterion:";

	/**
	 * The axis a request names, or the given default when none is named.
	 * @throws InvalidInputException for a name that is no axis
	 */
	public static MatrixAxis parse(String field, @Nullable String text, MatrixAxis fallback) {
		if (text == null || text.isBlank()) {
			return fallback;
		}
		String code = text.strip();
		if (code.startsWith(CRITERION_PREFIX) && code.length() > CRITERION_PREFIX.length()) {
			return new MatrixAxis(Kind.CRITERION, code.substring(CRITERION_PREFIX.length()));
		}
		try {
			Kind kind = Kind.valueOf(code.toUpperCase(Locale.ROOT));
			if (kind != Kind.CRITERION) {
				return new MatrixAxis(kind, null);
			}
		}
		catch (IllegalArgumentException ex) {
			// said below
		}
		throw new InvalidInputException(List.of(new RuleViolation(field, "analysis.matrix.axis.unknown", text)));
	}

	/** Whether the axis is a score from 0 to 100, split at a set threshold. */
	public boolean scored() {
		return this.kind == Kind.ATTRACTIVENESS || this.kind == Kind.RELATIONSHIP || this.kind == Kind.CRITERION;
	}

	public String code() {
		return (this.kind == Kind.CRITERION) ? CRITERION_PREFIX + this.criterion
				: this.kind.name().toLowerCase(Locale.ROOT);
	}

}
