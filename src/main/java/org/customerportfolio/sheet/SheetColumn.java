package org.customerportfolio.sheet;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.customerportfolio.criteria.Criterion;
import org.customerportfolio.criteria.CriterionKind;
import org.customerportfolio.shared.Language;
import org.jspecify.annotations.Nullable;

/**
 * One column the sheet can show. {@code value} is the SQL expression it is read, sorted
 * and filtered on, {@code source} the table it needs joined; coded columns carry their
 * choices (code → labels) in display order.
 *
 * @param key the stable name used in URLs, the API, layouts and exports
 * @param criterion the criterion a level column shows, if any
 */
public record SheetColumn(String key, ColumnType type, String labelNl, String labelEn, String value, Source source,
		List<Choice> choices, @Nullable Criterion criterion) {

	public SheetColumn {
		choices = List.copyOf(choices);
	}

	/** Where a column's value comes from, and so which join it needs. */
	public enum Source {

		CUSTOMER, MANAGER, STANDING, FIGURES, PLAN, LEVEL

	}

	/** A code of a coded column with its labels. */
	public record Choice(String code, String labelNl, String labelEn) {

		public String label(Language language) {
			return (language == Language.NL) ? this.labelNl : this.labelEn;
		}

	}

	public String label(Language language) {
		return (language == Language.NL) ? this.labelNl : this.labelEn;
	}

	public boolean sortable() {
		return this.type != ColumnType.TAGS;
	}

	/** Whether rows can be grouped on it: one value per customer from a small set. */
	public boolean groupable() {
		return this.type == ColumnType.CHOICE || this.type == ColumnType.LEVEL || "city".equals(this.key)
				|| "country".equals(this.key);
	}

	/** Whether a cell can be rated in place (a criterion with one level). */
	public boolean editableInPlace() {
		return this.criterion != null && (this.criterion.kind() == CriterionKind.ORDINAL
				|| this.criterion.kind() == CriterionKind.SINGLE_CHOICE);
	}

	/** Whether an imported sheet may change it. */
	public boolean importable() {
		return this.criterion != null || "strategy".equals(this.key);
	}

	public Optional<Choice> choice(String code) {
		return this.choices.stream().filter((choice) -> choice.code().equals(code)).findFirst();
	}

	/** 1 for the first (best) choice, … ; 0 when unknown. */
	public int position(@Nullable String code) {
		for (int i = 0; i < this.choices.size(); i++) {
			if (this.choices.get(i).code().equals(code)) {
				return i + 1;
			}
		}
		return 0;
	}

	/**
	 * The label of a code in a language, or the code itself when it is not (or no longer)
	 * a choice.
	 */
	public String label(@Nullable String code, Language language) {
		if (code == null) {
			return "";
		}
		return choice(code).map((choice) -> choice.label(language)).orElse(code);
	}

	Map<String, String> describe(Language language) {
		return Map.of("key", this.key, "label", label(language), "type", this.type.name());
	}

}
