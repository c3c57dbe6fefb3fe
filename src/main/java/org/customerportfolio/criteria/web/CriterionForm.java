package org.customerportfolio.criteria.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.customerportfolio.criteria.Axis;
import org.customerportfolio.criteria.Criterion;
import org.customerportfolio.criteria.CriterionDetails;
import org.customerportfolio.criteria.CriterionKind;
import org.customerportfolio.criteria.Level;
import org.jspecify.annotations.Nullable;

/**
 * The criterion form, with a row per level (blank rows are ignored). A bean rather than a
 * record because the level rows bind by index.
 */
public class CriterionForm {

	static final int SPARE_ROWS = 3;

	private @Nullable String code;

	private @Nullable String nameNl;

	private @Nullable String nameEn;

	private @Nullable String descriptionNl;

	private @Nullable String descriptionEn;

	private CriterionKind kind = CriterionKind.ORDINAL;

	private @Nullable BigDecimal weight = BigDecimal.ONE;

	private Axis axis = Axis.NONE;

	private @Nullable BigDecimal minValue;

	private @Nullable BigDecimal maxValue;

	private @Nullable Long version;

	private List<LevelRow> levels = new ArrayList<>();

	static CriterionForm empty() {
		CriterionForm form = new CriterionForm();
		form.withSpareRows();
		return form;
	}

	static CriterionForm of(Criterion criterion) {
		CriterionForm form = new CriterionForm();
		form.code = criterion.code();
		form.nameNl = criterion.nameNl();
		form.nameEn = criterion.nameEn();
		form.descriptionNl = criterion.descriptionNl();
		form.descriptionEn = criterion.descriptionEn();
		form.kind = criterion.kind();
		form.weight = criterion.weight().stripTrailingZeros();
		form.axis = criterion.axis();
		form.minValue = criterion.minValue();
		form.maxValue = criterion.maxValue();
		form.version = criterion.version();
		for (Level level : criterion.levels()) {
			LevelRow row = new LevelRow();
			row.setCode(level.code());
			row.setLabelNl(level.labelNl());
			row.setLabelEn(level.labelEn());
			row.setScore(level.score());
			form.levels.add(row);
		}
		form.withSpareRows();
		return form;
	}

	CriterionForm withSpareRows() {
		for (int i = 0; i < SPARE_ROWS; i++) {
			this.levels.add(new LevelRow());
		}
		return this;
	}

	CriterionDetails details() {
		List<Level> filled = this.levels.stream()
			.filter((row) -> !row.isBlank())
			.map((row) -> new Level(nonNull(row.getCode()), nonNull(row.getLabelNl()), nonNull(row.getLabelEn()),
					(row.getScore() != null) ? row.getScore() : -1))
			.toList();
		return new CriterionDetails(nonNull(this.code), nonNull(this.nameNl), nonNull(this.nameEn), this.descriptionNl,
				this.descriptionEn, this.kind, (this.weight != null) ? this.weight : BigDecimal.ONE, this.axis,
				this.minValue, this.maxValue, filled);
	}

	private static String nonNull(@Nullable String value) {
		return (value != null) ? value : "";
	}

	public @Nullable String getCode() {
		return this.code;
	}

	public void setCode(@Nullable String code) {
		this.code = code;
	}

	public @Nullable String getNameNl() {
		return this.nameNl;
	}

	public void setNameNl(@Nullable String nameNl) {
		this.nameNl = nameNl;
	}

	public @Nullable String getNameEn() {
		return this.nameEn;
	}

	public void setNameEn(@Nullable String nameEn) {
		this.nameEn = nameEn;
	}

	public @Nullable String getDescriptionNl() {
		return this.descriptionNl;
	}

	public void setDescriptionNl(@Nullable String descriptionNl) {
		this.descriptionNl = descriptionNl;
	}

	public @Nullable String getDescriptionEn() {
		return this.descriptionEn;
	}

	public void setDescriptionEn(@Nullable String descriptionEn) {
		this.descriptionEn = descriptionEn;
	}

	public CriterionKind getKind() {
		return this.kind;
	}

	public void setKind(CriterionKind kind) {
		this.kind = kind;
	}

	public @Nullable BigDecimal getWeight() {
		return this.weight;
	}

	public void setWeight(@Nullable BigDecimal weight) {
		this.weight = weight;
	}

	public Axis getAxis() {
		return this.axis;
	}

	public void setAxis(Axis axis) {
		this.axis = axis;
	}

	public @Nullable BigDecimal getMinValue() {
		return this.minValue;
	}

	public void setMinValue(@Nullable BigDecimal minValue) {
		this.minValue = minValue;
	}

	public @Nullable BigDecimal getMaxValue() {
		return this.maxValue;
	}

	public void setMaxValue(@Nullable BigDecimal maxValue) {
		this.maxValue = maxValue;
	}

	public @Nullable Long getVersion() {
		return this.version;
	}

	public void setVersion(@Nullable Long version) {
		this.version = version;
	}

	public List<LevelRow> getLevels() {
		return this.levels;
	}

	public void setLevels(List<LevelRow> levels) {
		this.levels = levels;
	}

	/**
	 * One level row of the form.
	 */
	public static class LevelRow {

		private @Nullable String code;

		private @Nullable String labelNl;

		private @Nullable String labelEn;

		private @Nullable Integer score;

		boolean isBlank() {
			return isEmpty(this.code) && isEmpty(this.labelNl) && isEmpty(this.labelEn) && this.score == null;
		}

		private static boolean isEmpty(@Nullable String value) {
			return value == null || value.isBlank();
		}

		public @Nullable String getCode() {
			return this.code;
		}

		public void setCode(@Nullable String code) {
			this.code = code;
		}

		public @Nullable String getLabelNl() {
			return this.labelNl;
		}

		public void setLabelNl(@Nullable String labelNl) {
			this.labelNl = labelNl;
		}

		public @Nullable String getLabelEn() {
			return this.labelEn;
		}

		public void setLabelEn(@Nullable String labelEn) {
			this.labelEn = labelEn;
		}

		public @Nullable Integer getScore() {
			return this.score;
		}

		public void setScore(@Nullable Integer score) {
			this.score = score;
		}

	}

}
