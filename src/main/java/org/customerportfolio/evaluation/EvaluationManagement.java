package org.customerportfolio.evaluation;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.customerportfolio.audit.AuditLog;
import org.customerportfolio.audit.AuditLog.Subject;
import org.customerportfolio.criteria.Axis;
import org.customerportfolio.criteria.CriteriaManagement;
import org.customerportfolio.criteria.Criterion;
import org.customerportfolio.criteria.CriterionKind;
import org.customerportfolio.criteria.Level;
import org.customerportfolio.customer.CustomerManagement;
import org.customerportfolio.customer.CustomerView;
import org.customerportfolio.shared.EditConflictException;
import org.customerportfolio.shared.FieldChange;
import org.customerportfolio.shared.InvalidInputException;
import org.customerportfolio.shared.NotFoundException;
import org.customerportfolio.shared.RuleViolation;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records evaluations and answers their history. An answer must fit its criterion: a
 * level of that criterion, a number within its range, a text of reasonable length;
 * answers for retired or unknown criteria are refused. Criteria left out are unrated.
 */
@Service
@Transactional
public class EvaluationManagement {

	static final int MAX_TEXT = 4000;

	private final Evaluations evaluations;

	private final CriteriaManagement criteria;

	private final CustomerManagement customers;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final ProfitabilityFromMargins margins;

	EvaluationManagement(Evaluations evaluations, CriteriaManagement criteria, CustomerManagement customers,
			AuditLog audit, ApplicationEventPublisher events, Clock clock, ProfitabilityFromMargins margins) {
		this.evaluations = evaluations;
		this.criteria = criteria;
		this.customers = customers;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
		this.margins = margins;
	}

	/**
	 * The customer's current scores: the newest evaluation's answers, with profitability
	 * taken from actual margins where they are known (the basis says so). Scores exist
	 * even before any evaluation when margins are known.
	 */
	@Transactional(readOnly = true)
	public CurrentRating currentRating(long customerId) {
		return currentRating(customerId, current(customerId).orElse(null));
	}

	/**
	 * The current scores for callers that have read the newest evaluation already (the
	 * history pages).
	 */
	@Transactional(readOnly = true)
	public CurrentRating currentRating(long customerId, @Nullable EvaluationView evaluation) {
		List<Criterion> all = this.criteria.all();
		Map<String, Rating> ratings = new LinkedHashMap<>((evaluation != null) ? evaluation.ratings() : Map.of());
		ProfitabilityFromMargins.MarginBasis margin = this.margins.basis(customerId, all).orElse(null);
		if (margin != null) {
			ratings.put(ProfitabilityFromMargins.CRITERION, margin.rating());
		}
		return new CurrentRating(evaluation,
				(evaluation != null) ? evaluation.ratings().get(ProfitabilityFromMargins.CRITERION) : null,
				Scorecard.score(Axis.ATTRACTIVENESS, all, ratings),
				Scorecard.score(Axis.RELATIONSHIP_STRENGTH, all, ratings), margin);
	}

	/**
	 * A customer's scores as they stand now, and where profitability came from.
	 */
	public record CurrentRating(@Nullable EvaluationView evaluation, @Nullable Rating ratedProfitability,
			AxisScore attractiveness, AxisScore relationshipStrength,
			ProfitabilityFromMargins.@Nullable MarginBasis margin) {

		public boolean hasScores() {
			return this.evaluation != null || this.margin != null;
		}

	}

	/**
	 * Records an evaluation. The answers are given per criterion key as raw values: one
	 * level key, several level keys, a number or a text; blank answers leave the
	 * criterion unrated.
	 */
	public EvaluationView record(long customerId, Map<String, List<String>> answers, @Nullable String comment,
			String actor) {
		return record(customerId, answers, comment, this.clock.instant(), actor);
	}

	/**
	 * Records an evaluation made earlier: for loading a history (the example portfolio),
	 * never offered to users, who always evaluate as of now. A moment in the future is a
	 * programming error.
	 */
	public EvaluationView record(long customerId, Map<String, List<String>> answers, @Nullable String comment,
			java.time.Instant evaluatedAt, String actor) {
		if (evaluatedAt.isAfter(this.clock.instant())) {
			throw new IllegalArgumentException("An evaluation cannot be dated in the future: " + evaluatedAt);
		}
		this.customers.lock(List.of(customerId));
		CustomerView customer = this.customers.customer(customerId);
		if (customer.archived()) {
			throw new RuleViolation(null, "customer.archived.refused");
		}
		List<Criterion> all = this.criteria.all();
		List<RuleViolation> problems = new ArrayList<>();
		Set<EvaluationValue> values = values(all, answers, problems);
		String tidyComment = tidyComment(comment, problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		Evaluation evaluation = this.evaluations
			.save(new Evaluation(null, customerId, evaluatedAt, actor, tidyComment, values));
		this.audit.recordAction(new Subject("EVALUATION", evaluation.id(), null, customerId, actor), "CREATED");
		this.events.publishEvent(new EvaluationRecorded(customerId, evaluation.id()));
		return view(evaluation, all);
	}

	/**
	 * Records a new evaluation that keeps every current answer and changes the given ones
	 * (an empty list clears one): what rating one cell of the sheet means. When the
	 * caller names the evaluation it saw and someone has evaluated the customer since,
	 * nothing is recorded and the conflict says by whom.
	 */
	public EvaluationView amend(long customerId, Map<String, List<String>> changes, @Nullable Long seenEvaluation,
			boolean checkSeen, @Nullable String comment, String actor) {
		// two edits of one customer at once: the second waits, then sees the first
		this.customers.lock(List.of(customerId));
		Optional<EvaluationView> current = current(customerId);
		Long currentId = current.map(EvaluationView::id).orElse(null);
		if (checkSeen && !Objects.equals(currentId, seenEvaluation)) {
			EvaluationView newer = current.orElseThrow();
			throw new EditConflictException(newer.id(),
					List.of(new FieldChange("evaluation", null, null, newer.evaluatedBy(), newer.evaluatedAt())));
		}
		Map<String, List<String>> answers = new LinkedHashMap<>();
		Set<String> inUse = new LinkedHashSet<>();
		this.criteria.current().forEach((criterion) -> inUse.add(criterion.code()));
		current.ifPresent((evaluation) -> evaluation.ratings().forEach((code, rating) -> {
			if (inUse.contains(code)) {
				answers.put(code, answer(rating));
			}
		}));
		answers.putAll(changes);
		return record(customerId, answers, comment, actor);
	}

	private static List<String> answer(Rating rating) {
		if (!rating.levelCodes().isEmpty()) {
			return rating.levelCodes();
		}
		if (rating.number() != null) {
			// a decimal comma: never mistaken for a thousands separator when read back
			return List.of(rating.number().stripTrailingZeros().toPlainString().replace('.', ','));
		}
		return (rating.text() != null) ? List.of(rating.text()) : List.of();
	}

	/**
	 * What would be wrong with these answers, without recording anything: for callers
	 * that have found problems of their own and want to report all at once.
	 */
	@Transactional(readOnly = true)
	public List<RuleViolation> problems(Map<String, List<String>> answers, @Nullable String comment) {
		List<RuleViolation> problems = new ArrayList<>();
		values(this.criteria.all(), answers, problems);
		tidyComment(comment, problems);
		return problems;
	}

	private static Set<EvaluationValue> values(List<Criterion> all, Map<String, List<String>> answers,
			List<RuleViolation> problems) {
		Set<EvaluationValue> values = new LinkedHashSet<>();
		for (Map.Entry<String, List<String>> answer : answers.entrySet()) {
			List<String> given = answer.getValue()
				.stream()
				.filter(Objects::nonNull)
				.map(String::strip)
				.filter((value) -> !value.isEmpty())
				.toList();
			if (given.isEmpty()) {
				continue;
			}
			Optional<Criterion> criterion = all.stream()
				.filter((candidate) -> candidate.code().equals(answer.getKey()))
				.findFirst();
			if (criterion.isEmpty()) {
				problems.add(new RuleViolation(answer.getKey(), "evaluation.criterion.unknown", answer.getKey()));
			}
			else if (criterion.get().retired()) {
				problems.add(new RuleViolation(answer.getKey(), "evaluation.criterion.retired", answer.getKey()));
			}
			else {
				values.addAll(values(criterion.get(), given, problems));
			}
		}
		return values;
	}

	private static @Nullable String tidyComment(@Nullable String comment, List<RuleViolation> problems) {
		String tidy = (comment == null || comment.isBlank()) ? null : comment.strip();
		if (tidy != null && tidy.length() > MAX_TEXT) {
			problems.add(new RuleViolation("comment", "field.tooLong", MAX_TEXT));
		}
		return tidy;
	}

	/** The customer's evaluations, newest first; the first is the current rating. */
	@Transactional(readOnly = true)
	public List<EvaluationView> history(long customerId) {
		this.customers.customer(customerId);
		List<Criterion> all = this.criteria.all();
		return this.evaluations.findByCustomerIdOrderByEvaluatedAtDescIdDesc(customerId)
			.stream()
			.map((evaluation) -> view(evaluation, all))
			.toList();
	}

	@Transactional(readOnly = true)
	public Optional<EvaluationView> current(long customerId) {
		return history(customerId).stream().findFirst();
	}

	@Transactional(readOnly = true)
	public EvaluationView evaluation(long customerId, long evaluationId) {
		return this.evaluations.findById(evaluationId)
			.filter((evaluation) -> evaluation.customerId() == customerId)
			.map((evaluation) -> view(evaluation, this.criteria.all()))
			.orElseThrow(() -> new NotFoundException("evaluation.notFound", evaluationId));
	}

	/**
	 * The criteria whose answer differs between two evaluations, in the criteria's order;
	 * retired criteria included, since old evaluations may have answered them.
	 */
	@Transactional(readOnly = true)
	public List<RatingChange> differences(EvaluationView before, EvaluationView after) {
		List<RatingChange> changes = new ArrayList<>();
		for (Criterion criterion : this.criteria.all()) {
			Rating old = before.ratings().get(criterion.code());
			Rating now = after.ratings().get(criterion.code());
			if (!sameAnswer(old, now)) {
				changes.add(new RatingChange(criterion.code(), criterion.nameNl(), criterion.nameEn(), old, now));
			}
		}
		return changes;
	}

	private static boolean sameAnswer(@Nullable Rating a, @Nullable Rating b) {
		if (a == null || b == null) {
			return a == b;
		}
		return a.levelCodes().equals(b.levelCodes()) && Objects.equals(a.text(), b.text()) && ((a.number() == null)
				? b.number() == null : b.number() != null && a.number().compareTo(b.number()) == 0);
	}

	private static List<EvaluationValue> values(Criterion criterion, List<String> given, List<RuleViolation> problems) {
		String field = criterion.code();
		List<EvaluationValue> values = new ArrayList<>();
		switch (criterion.kind()) {
			case ORDINAL, SINGLE_CHOICE, MULTIPLE_CHOICE -> {
				if (criterion.kind() != CriterionKind.MULTIPLE_CHOICE && given.size() > 1) {
					problems.add(new RuleViolation(field, "evaluation.level.onlyOne", criterion.code()));
					return values;
				}
				for (String code : new LinkedHashSet<>(given)) {
					Optional<Level> level = criterion.level(code);
					if (level.isEmpty()) {
						problems.add(new RuleViolation(field, "evaluation.level.unknown", code, criterion.code()));
					}
					else {
						values.add(new EvaluationValue(criterion.id(), code, level.get().labelNl(),
								level.get().labelEn(), null, null));
					}
				}
			}
			case NUMBER -> {
				if (given.size() > 1) {
					problems.add(new RuleViolation(field, "evaluation.level.onlyOne", criterion.code()));
					return values;
				}
				BigDecimal number = parseNumber(given.get(0));
				if (number == null) {
					problems.add(new RuleViolation(field, "evaluation.number.invalid", given.get(0)));
				}
				else if ((criterion.minValue() != null && number.compareTo(criterion.minValue()) < 0)
						|| (criterion.maxValue() != null && number.compareTo(criterion.maxValue()) > 0)) {
					problems.add(new RuleViolation(field, "evaluation.number.outOfRange", given.get(0),
							plain(criterion.minValue()), plain(criterion.maxValue())));
				}
				else {
					values.add(new EvaluationValue(criterion.id(), null, null, null, number, null));
				}
			}
			case TEXT -> {
				String text = String.join("\n", given);
				if (text.length() > MAX_TEXT) {
					problems.add(new RuleViolation(field, "field.tooLong", MAX_TEXT));
				}
				else {
					values.add(new EvaluationValue(criterion.id(), null, null, null, null, text));
				}
			}
		}
		return values;
	}

	private static @Nullable BigDecimal parseNumber(String text) {
		String normalised = text.replace(" ", "");
		if (normalised.matches("-?\\d{1,3}(\\.\\d{3})+(,\\d+)?") || normalised.matches("-?\\d+,\\d+")) {
			normalised = normalised.replace(".", "").replace(",", ".");
		}
		try {
			BigDecimal number = new BigDecimal(normalised);
			return (number.abs().compareTo(new BigDecimal("1e14")) < 0) ? number : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static String plain(@Nullable BigDecimal value) {
		return (value == null) ? "…" : value.stripTrailingZeros().toPlainString();
	}

	private static EvaluationView view(Evaluation evaluation, List<Criterion> all) {
		Map<String, Rating> ratings = ratings(evaluation.values(), all);
		return new EvaluationView(evaluation.id(), evaluation.customerId(), evaluation.evaluatedAt(),
				evaluation.evaluatedBy(), evaluation.comment(), ratings,
				Scorecard.score(Axis.ATTRACTIVENESS, all, ratings),
				Scorecard.score(Axis.RELATIONSHIP_STRENGTH, all, ratings));
	}

	/**
	 * One evaluation's answers by criterion key, levels in their criterion's order;
	 * answers to criteria that no longer exist are left out.
	 */
	static Map<String, Rating> ratings(Collection<EvaluationValue> values, List<Criterion> all) {
		Map<Long, Criterion> byId = new LinkedHashMap<>();
		all.forEach((criterion) -> byId.put(criterion.id(), criterion));
		Map<Criterion, List<EvaluationValue>> grouped = new LinkedHashMap<>();
		for (EvaluationValue value : values) {
			Criterion criterion = byId.get(value.criterionId());
			if (criterion != null) {
				grouped.computeIfAbsent(criterion, (key) -> new ArrayList<>()).add(value);
			}
		}
		Map<String, Rating> ratings = new LinkedHashMap<>();
		grouped.forEach((criterion, answers) -> {
			List<EvaluationValue> ordered = answers.stream()
				.sorted(Comparator.comparingInt((EvaluationValue value) -> levelIndex(criterion, value)))
				.toList();
			ratings.put(criterion.code(),
					new Rating(criterion.code(),
							ordered.stream().map(EvaluationValue::levelCode).filter(Objects::nonNull).toList(),
							ordered.stream().map(EvaluationValue::levelLabelNl).filter(Objects::nonNull).toList(),
							ordered.stream().map(EvaluationValue::levelLabelEn).filter(Objects::nonNull).toList(),
							ordered.get(0).numberValue(), ordered.get(0).textValue()));
		});
		return ratings;
	}

	private static int levelIndex(Criterion criterion, EvaluationValue value) {
		List<Level> levels = criterion.levels();
		for (int i = 0; i < levels.size(); i++) {
			if (levels.get(i).code().equals(value.levelCode())) {
				return i;
			}
		}
		return Integer.MAX_VALUE;
	}

}
