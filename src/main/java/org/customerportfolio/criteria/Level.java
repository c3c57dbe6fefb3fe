package org.customerportfolio.criteria;

import org.customerportfolio.shared.Language;

import org.springframework.data.relational.core.mapping.Table;

/**
 * One answer on a criterion's scale: a key, a label in each language, and its score from
 * 0 to 100.
 */
@Table("criterion_level")
public record Level(String code, String labelNl, String labelEn, int score) {

	public String label(Language language) {
		return (language == Language.NL) ? this.labelNl : this.labelEn;
	}

}
