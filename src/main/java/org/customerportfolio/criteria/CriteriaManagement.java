package org.customerportfolio.criteria;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.customerportfolio.audit.AuditLog;
import org.customerportfolio.audit.AuditLog.Subject;
import org.customerportfolio.shared.EditConflictException;
import org.customerportfolio.shared.InvalidInputException;
import org.customerportfolio.shared.NotFoundException;
import org.customerportfolio.shared.RuleViolation;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Administrators define the criteria: create, change, reorder, retire and reinstate them.
 * The rules: a key and kind fixed at creation, names in both languages, levels with
 * unique keys and scores from 0 to 100 for the kinds that have levels, weights that are
 * not negative, and only scored kinds on an axis.
 */
@Service
@Transactional
public class CriteriaManagement {

	static final String CRITERION = "CRITERION";

	static final BigDecimal MAX_WEIGHT = new BigDecimal("1000");

	private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]{1,49}");

	private final Criteria criteria;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	CriteriaManagement(Criteria criteria, AuditLog audit, ApplicationEventPublisher events) {
		this.criteria = criteria;
		this.audit = audit;
		this.events = events;
	}

	@Transactional(readOnly = true)
	public List<Criterion> all() {
		return this.criteria.findAllByOrderByPosition();
	}

	/**
	 * The criteria in use, in their order: what an evaluation form asks and what scores
	 * rest on.
	 */
	@Transactional(readOnly = true)
	public List<Criterion> current() {
		return this.criteria.findAllByOrderByPosition().stream().filter((criterion) -> !criterion.retired()).toList();
	}

	@Transactional(readOnly = true)
	public Criterion criterion(long id) {
		return existing(id);
	}

	@Transactional(readOnly = true)
	public Optional<Criterion> byCode(String code) {
		return this.criteria.findByCode(code);
	}

	public Criterion create(CriterionDetails input, String actor) {
		CriterionDetails details = tidy(input);
		List<RuleViolation> problems = check(details);
		if (!CODE.matcher(details.code()).matches()) {
			problems.add(0, new RuleViolation("code", "criterion.code.invalid"));
		}
		else if (this.criteria.findByCode(details.code()).isPresent()) {
			problems.add(0, new RuleViolation("code", "criterion.code.taken", details.code()));
		}
		failIfAny(problems);
		int position = this.criteria.findAllByOrderByPosition().stream().mapToInt(Criterion::position).max().orElse(0)
				+ 1;
		Criterion criterion = this.criteria.save(Criterion.create(details, position));
		this.audit.recordChanges(subject(criterion, actor), "CREATED", Map.of(), snapshot(criterion));
		this.events.publishEvent(new CriteriaChanged(criterion.id()));
		return criterion;
	}

	public Criterion change(long id, long basedOnVersion, CriterionDetails input, String actor) {
		Criterion criterion = existing(id);
		if (criterion.version() != basedOnVersion) {
			throw new EditConflictException(criterion.version(),
					this.audit.changesSince(CRITERION, id, basedOnVersion));
		}
		CriterionDetails details = tidy(new CriterionDetails(criterion.code(), input.nameNl(), input.nameEn(),
				input.descriptionNl(), input.descriptionEn(), criterion.kind(), input.weight(), input.axis(),
				input.minValue(), input.maxValue(), input.levels()));
		failIfAny(check(details));
		Map<String, String> before = snapshot(criterion);
		criterion.change(details);
		try {
			criterion = this.criteria.save(criterion);
		}
		catch (OptimisticLockingFailureException ex) {
			throw new EditConflictException(existing(id).version(),
					this.audit.changesSince(CRITERION, id, basedOnVersion));
		}
		this.audit.recordChanges(subject(criterion, actor), "UPDATED", before, snapshot(criterion));
		this.events.publishEvent(new CriteriaChanged(id));
		return criterion;
	}

	public void retire(long id, String actor) {
		Criterion criterion = existing(id);
		criterion.retire();
		this.audit.recordAction(subject(this.criteria.save(criterion), actor), "RETIRED");
		this.events.publishEvent(new CriteriaChanged(id));
	}

	public void reinstate(long id, String actor) {
		Criterion criterion = existing(id);
		criterion.reinstate();
		this.audit.recordAction(subject(this.criteria.save(criterion), actor), "REINSTATED");
		this.events.publishEvent(new CriteriaChanged(id));
	}

	/**
	 * Moves a criterion one place up (towards the start of the form) or down.
	 */
	public void move(long id, boolean up) {
		List<Criterion> ordered = new ArrayList<>(this.criteria.findAllByOrderByPosition());
		int index = -1;
		for (int i = 0; i < ordered.size(); i++) {
			if (ordered.get(i).id() == id) {
				index = i;
			}
		}
		if (index < 0) {
			throw new NotFoundException("criterion.notFound", id);
		}
		int other = up ? index - 1 : index + 1;
		if (other < 0 || other >= ordered.size()) {
			return;
		}
		Criterion moved = ordered.remove(index);
		ordered.add(other, moved);
		for (int i = 0; i < ordered.size(); i++) {
			if (ordered.get(i).position() != i + 1) {
				ordered.get(i).moveTo(i + 1);
				this.criteria.save(ordered.get(i));
			}
		}
	}

	private Criterion existing(long id) {
		return this.criteria.findById(id).orElseThrow(() -> new NotFoundException("criterion.notFound", id));
	}

	static CriterionDetails tidy(CriterionDetails details) {
		List<Level> levels = details.levels()
			.stream()
			.map((level) -> new Level(strip(level.code()), strip(level.labelNl()), strip(level.labelEn()),
					level.score()))
			.toList();
		return new CriterionDetails(strip(details.code()), strip(details.nameNl()), strip(details.nameEn()),
				blankToNull(details.descriptionNl()), blankToNull(details.descriptionEn()), details.kind(),
				(details.weight() != null) ? details.weight() : BigDecimal.ONE, details.axis(), details.minValue(),
				details.maxValue(), details.kind().hasLevels() ? levels : List.of());
	}

	static List<RuleViolation> check(CriterionDetails details) {
		List<RuleViolation> problems = new ArrayList<>();
		text(problems, "nameNl", details.nameNl(), true, 200);
		text(problems, "nameEn", details.nameEn(), true, 200);
		text(problems, "descriptionNl", details.descriptionNl(), false, 2000);
		text(problems, "descriptionEn", details.descriptionEn(), false, 2000);
		if (details.weight().signum() < 0 || details.weight().compareTo(MAX_WEIGHT) > 0) {
			problems.add(new RuleViolation("weight", "criterion.weight.invalid", MAX_WEIGHT));
		}
		if (details.axis() != Axis.NONE && !details.kind().canCarryScore()) {
			problems.add(new RuleViolation("axis", "criterion.axis.notScored"));
		}
		if (details.kind() == CriterionKind.NUMBER) {
			checkRange(problems, details);
		}
		if (details.kind().hasLevels()) {
			checkLevels(problems, details.levels());
		}
		return problems;
	}

	private static void checkRange(List<RuleViolation> problems, CriterionDetails details) {
		BigDecimal min = details.minValue();
		BigDecimal max = details.maxValue();
		if (min != null && max != null && min.compareTo(max) >= 0) {
			problems.add(new RuleViolation("maxValue", "criterion.range.invalid"));
		}
		if (details.axis() != Axis.NONE && (min == null || max == null)) {
			problems.add(new RuleViolation("maxValue", "criterion.range.required"));
		}
	}

	private static void checkLevels(List<RuleViolation> problems, List<Level> levels) {
		if (levels.size() < 2) {
			problems.add(new RuleViolation("levels", "criterion.levels.tooFew"));
			return;
		}
		if (levels.size() > 20) {
			problems.add(new RuleViolation("levels", "criterion.levels.tooMany", 20));
		}
		Set<String> codes = new HashSet<>();
		for (Level level : levels) {
			if (!CODE.matcher(level.code()).matches()) {
				problems.add(new RuleViolation("levels", "criterion.level.code.invalid", level.code()));
			}
			else if (!codes.add(level.code())) {
				problems.add(new RuleViolation("levels", "criterion.level.code.duplicate", level.code()));
			}
			if (level.labelNl().isEmpty() || level.labelEn().isEmpty() || level.labelNl().length() > 200
					|| level.labelEn().length() > 200) {
				problems.add(new RuleViolation("levels", "criterion.level.label.invalid", level.code()));
			}
			if (level.score() < 0 || level.score() > 100) {
				problems.add(new RuleViolation("levels", "criterion.level.score.invalid", level.code()));
			}
		}
	}

	private static void text(List<RuleViolation> problems, String field, @Nullable String value, boolean required,
			int max) {
		if (value == null || value.isEmpty()) {
			if (required) {
				problems.add(new RuleViolation(field, "field.required"));
			}
		}
		else if (value.length() > max) {
			problems.add(new RuleViolation(field, "field.tooLong", max));
		}
	}

	private static void failIfAny(List<RuleViolation> problems) {
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
	}

	private static Subject subject(Criterion criterion, String actor) {
		return new Subject(CRITERION, criterion.id(), criterion.version(), null, actor);
	}

	private static Map<String, String> snapshot(Criterion criterion) {
		Map<String, String> values = new LinkedHashMap<>();
		values.put("criterion.nameNl", criterion.nameNl());
		values.put("criterion.nameEn", criterion.nameEn());
		values.put("criterion.weight", criterion.weight().stripTrailingZeros().toPlainString());
		values.put("criterion.axis", criterion.axis().name());
		values.put("criterion.range",
				Objects.toString(criterion.minValue(), "") + " – " + Objects.toString(criterion.maxValue(), ""));
		values.put("criterion.levels", String.join("; ",
				criterion.levels().stream().map((level) -> level.code() + "=" + level.score()).toList()));
		return values;
	}

	private static String strip(@Nullable String value) {
		return (value == null) ? "" : value.strip();
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
