package org.customerportfolio.evaluation.web;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.customerportfolio.account.PortfolioUser;
import org.customerportfolio.criteria.CriteriaManagement;
import org.customerportfolio.criteria.Criterion;
import org.customerportfolio.criteria.CriterionKind;
import org.customerportfolio.evaluation.AxisScore;
import org.customerportfolio.evaluation.EvaluationManagement;
import org.customerportfolio.evaluation.EvaluationView;
import org.customerportfolio.evaluation.Rating;
import org.customerportfolio.shared.InvalidInputException;
import org.customerportfolio.shared.RuleViolation;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Evaluations through the API: record one, read the history with its scores.
 */
@RestController
@RequestMapping(path = "/api/v1/customers/{id}/evaluations", produces = "application/json")
@Tag(name = "Evaluations", description = "Ratings of a customer against the criteria, and its scores")
class EvaluationApi {

	private final EvaluationManagement evaluations;

	private final CriteriaManagement criteria;

	EvaluationApi(EvaluationManagement evaluations, CriteriaManagement criteria) {
		this.evaluations = evaluations;
		this.criteria = criteria;
	}

	@GetMapping
	@Operation(summary = "The customer's evaluations, newest first (the first is the current rating)")
	List<EvaluationResponse> history(@PathVariable long id) {
		Map<String, Criterion> byCode = criteriaByCode();
		return this.evaluations.history(id).stream().map((view) -> EvaluationResponse.of(view, byCode)).toList();
	}

	@PostMapping(consumes = "application/json")
	@Operation(summary = "Record an evaluation",
			description = "values: per criterion key a level key, a list of level keys (multiple choice), a number "
					+ "or a text; criteria left out are unrated.")
	ResponseEntity<EvaluationResponse> record(@PathVariable long id, @RequestBody EvaluationRequest request,
			@AuthenticationPrincipal PortfolioUser user) {
		Map<String, List<String>> answers = new LinkedHashMap<>();
		List<RuleViolation> problems = new ArrayList<>();
		Map<String, Object> values = (request.values() != null) ? request.values() : Map.of();
		values.forEach((key, value) -> {
			if (value == null) {
				answers.put(key, List.of());
			}
			else if (value instanceof String text) {
				answers.put(key, List.of(text));
			}
			else if (value instanceof Number number) {
				answers.put(key, List.of(number.toString()));
			}
			else if (value instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
				answers.put(key, list.stream().map(String.class::cast).toList());
			}
			else {
				problems.add(new RuleViolation(key, "evaluation.value.wrongType", key));
			}
		});
		if (!problems.isEmpty()) {
			problems.addAll(this.evaluations.problems(answers, request.comment()));
			throw new InvalidInputException(problems);
		}
		EvaluationView view = this.evaluations.record(id, answers, request.comment(), user.getUsername());
		return ResponseEntity.created(URI.create("/api/v1/customers/" + id + "/evaluations/" + view.id()))
			.body(EvaluationResponse.of(view, criteriaByCode()));
	}

	private Map<String, Criterion> criteriaByCode() {
		Map<String, Criterion> byCode = new LinkedHashMap<>();
		this.criteria.all().forEach((criterion) -> byCode.put(criterion.code(), criterion));
		return byCode;
	}

	record EvaluationRequest(@Nullable Map<String, Object> values, @Nullable String comment) {
	}

	record EvaluationResponse(long id, Instant evaluatedAt, String evaluatedBy, @Nullable String comment,
			Map<String, Object> values, @Nullable Double attractiveness, @Nullable Double relationshipStrength,
			Map<String, ScoreResponse> scores) {

		static EvaluationResponse of(EvaluationView view, Map<String, Criterion> criteria) {
			Map<String, Object> values = new LinkedHashMap<>();
			criteria.forEach((code, criterion) -> {
				Rating rating = view.ratings().get(code);
				if (rating != null) {
					values.put(code, value(criterion, rating));
				}
			});
			return new EvaluationResponse(view.id(), view.evaluatedAt(), view.evaluatedBy(), view.comment(), values,
					view.attractiveness().value(), view.relationshipStrength().value(),
					Map.of("attractiveness", ScoreResponse.of(view.attractiveness()), "relationshipStrength",
							ScoreResponse.of(view.relationshipStrength())));
		}

		private static Object value(Criterion criterion, Rating rating) {
			if (criterion.kind() == CriterionKind.MULTIPLE_CHOICE) {
				return rating.levelCodes();
			}
			if (!rating.levelCodes().isEmpty()) {
				return rating.levelCodes().get(0);
			}
			return (rating.number() != null) ? rating.number() : String.valueOf(rating.text());
		}

	}

	record ScoreResponse(@Nullable Double value, int ratedCriteria, int totalCriteria) {

		static ScoreResponse of(AxisScore score) {
			return new ScoreResponse(score.value(), score.rated(), score.total());
		}

	}

}
