package org.customerportfolio.criteria;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.customerportfolio.shared.Language;
import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One evaluation dimension. Its key and kind are fixed once created, so that past
 * evaluations keep their meaning; everything else can change. Retired, never deleted.
 */
@Table("criterion")
public class Criterion {

	@Id
	private @Nullable Long id;

	@Version
	private @Nullable Long version;

	private final String code;

	private String nameNl;

	private String nameEn;

	private @Nullable String descriptionNl;

	private @Nullable String descriptionEn;

	private final CriterionKind kind;

	private BigDecimal weight;

	private Axis axis;

	private @Nullable BigDecimal minValue;

	private @Nullable BigDecimal maxValue;

	private int position;

	private boolean retired;

	@MappedCollection(idColumn = "criterion_id", keyColumn = "position")
	private List<Level> levels;

	@PersistenceCreator
	Criterion(@Nullable Long id, @Nullable Long version, String code, String nameNl, String nameEn,
			@Nullable String descriptionNl, @Nullable String descriptionEn, CriterionKind kind, BigDecimal weight,
			Axis axis, @Nullable BigDecimal minValue, @Nullable BigDecimal maxValue, int position, boolean retired,
			List<Level> levels) {
		this.id = id;
		this.version = version;
		this.code = code;
		this.nameNl = nameNl;
		this.nameEn = nameEn;
		this.descriptionNl = descriptionNl;
		this.descriptionEn = descriptionEn;
		this.kind = kind;
		this.weight = weight;
		this.axis = axis;
		this.minValue = minValue;
		this.maxValue = maxValue;
		this.position = position;
		this.retired = retired;
		this.levels = new ArrayList<>(levels);
	}

	static Criterion create(CriterionDetails details, int position) {
		Criterion criterion = new Criterion(null, null, details.code(), details.nameNl(), details.nameEn(), null, null,
				details.kind(), details.weight(), details.axis(), null, null, position, false, List.of());
		criterion.apply(details);
		return criterion;
	}

	void change(CriterionDetails details) {
		apply(details);
	}

	private void apply(CriterionDetails details) {
		this.nameNl = details.nameNl();
		this.nameEn = details.nameEn();
		this.descriptionNl = details.descriptionNl();
		this.descriptionEn = details.descriptionEn();
		this.weight = details.weight();
		this.axis = details.axis();
		this.minValue = details.minValue();
		this.maxValue = details.maxValue();
		this.levels = new ArrayList<>(details.levels());
	}

	void retire() {
		this.retired = true;
	}

	void reinstate() {
		this.retired = false;
	}

	void moveTo(int position) {
		this.position = position;
	}

	public long id() {
		return Objects.requireNonNull(this.id, "criterion not saved yet");
	}

	public long version() {
		return (this.version != null) ? this.version : 0;
	}

	public String code() {
		return this.code;
	}

	public String name(Language language) {
		return (language == Language.NL) ? this.nameNl : this.nameEn;
	}

	public String nameNl() {
		return this.nameNl;
	}

	public String nameEn() {
		return this.nameEn;
	}

	public @Nullable String description(Language language) {
		return (language == Language.NL) ? this.descriptionNl : this.descriptionEn;
	}

	public @Nullable String descriptionNl() {
		return this.descriptionNl;
	}

	public @Nullable String descriptionEn() {
		return this.descriptionEn;
	}

	public CriterionKind kind() {
		return this.kind;
	}

	public BigDecimal weight() {
		return this.weight;
	}

	public Axis axis() {
		return this.axis;
	}

	public @Nullable BigDecimal minValue() {
		return this.minValue;
	}

	public @Nullable BigDecimal maxValue() {
		return this.maxValue;
	}

	public int position() {
		return this.position;
	}

	public boolean retired() {
		return this.retired;
	}

	public List<Level> levels() {
		return List.copyOf(this.levels);
	}

	public Optional<Level> level(String code) {
		return this.levels.stream().filter((level) -> level.code().equals(code)).findFirst();
	}

	/**
	 * Whether answers to this criterion count towards its axis' score: a scored kind, on
	 * an axis, with weight.
	 */
	public boolean scored() {
		return this.axis != Axis.NONE && this.kind.canCarryScore() && this.weight.signum() > 0
				&& (this.kind != CriterionKind.NUMBER || (this.minValue != null && this.maxValue != null));
	}

	public CriterionDetails details() {
		return new CriterionDetails(this.code, this.nameNl, this.nameEn, this.descriptionNl, this.descriptionEn,
				this.kind, this.weight, this.axis, this.minValue, this.maxValue, this.levels);
	}

}
