package org.customerportfolio.invoicing;

import org.customerportfolio.shared.Language;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * What we invoice for: design, consulting, supervision, maintenance… A configurable list
 * with a label in each language.
 */
@Table("service_category")
public record ServiceCategory(@Id Long id, @Version Long version, String code, String labelNl, String labelEn,
		int position, boolean active) {

	public String label(Language language) {
		return (language == Language.NL) ? this.labelNl : this.labelEn;
	}

}
