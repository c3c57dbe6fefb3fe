package org.customerportfolio.evaluation;

import java.math.BigDecimal;
import java.util.List;

import org.customerportfolio.shared.Language;
import org.jspecify.annotations.Nullable;

/**
 * The answer one evaluation gives on one criterion: level keys with the labels they had
 * when chosen, a number, or a text.
 */
public record Rating(String criterionCode, List<String> levelCodes, List<String> labelsNl, List<String> labelsEn,
		@Nullable BigDecimal number, @Nullable String text) {

	public Rating {
		levelCodes = List.copyOf(levelCodes);
		labelsNl = List.copyOf(labelsNl);
		labelsEn = List.copyOf(labelsEn);
	}

	/** The answer as a person reads it, in their language. */
	public String display(Language language) {
		if (!this.levelCodes.isEmpty()) {
			return String.join(", ", (language == Language.NL) ? this.labelsNl : this.labelsEn);
		}
		if (this.number != null) {
			java.text.NumberFormat format = java.text.NumberFormat.getNumberInstance(language.locale());
			format.setMaximumFractionDigits(4);
			return format.format(this.number);
		}
		return (this.text != null) ? this.text : "";
	}

	/** The single level key of a one-level answer. */
	public @Nullable String levelCode() {
		return (this.levelCodes.size() == 1) ? this.levelCodes.get(0) : null;
	}

}
