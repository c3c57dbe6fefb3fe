package org.customerportfolio.criteria.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.customerportfolio.criteria.Axis;
import org.customerportfolio.criteria.CriteriaManagement;
import org.customerportfolio.criteria.Criterion;
import org.customerportfolio.criteria.CriterionKind;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The evaluation criteria for integrations: keys, kinds, names, weights, axes and levels.
 */
@RestController
@RequestMapping(path = "/api/v1/criteria", produces = "application/json")
@Tag(name = "Criteria", description = "What customers are evaluated on")
class CriteriaApi {

	private final CriteriaManagement criteria;

	CriteriaApi(CriteriaManagement criteria) {
		this.criteria = criteria;
	}

	@GetMapping
	@Operation(summary = "The criteria in form order; retired ones only when asked for")
	List<CriterionResponse> list(@RequestParam(defaultValue = "false") boolean includeRetired) {
		return (includeRetired ? this.criteria.all() : this.criteria.current()).stream()
			.map(CriterionResponse::of)
			.toList();
	}

	record CriterionResponse(String key, CriterionKind kind, Map<String, String> name, String nameNl, String nameEn,
			Map<String, String> description, BigDecimal weight, Axis axis, @Nullable BigDecimal minValue,
			@Nullable BigDecimal maxValue, boolean retired, boolean scored, List<LevelResponse> levels) {

		static CriterionResponse of(Criterion criterion) {
			return new CriterionResponse(criterion.code(), criterion.kind(),
					Map.of("nl", criterion.nameNl(), "en", criterion.nameEn()), criterion.nameNl(), criterion.nameEn(),
					Map.of("nl", nonNull(criterion.descriptionNl()), "en", nonNull(criterion.descriptionEn())),
					criterion.weight().stripTrailingZeros(), criterion.axis(), criterion.minValue(),
					criterion.maxValue(), criterion.retired(), criterion.scored(),
					criterion.levels()
						.stream()
						.map((level) -> new LevelResponse(level.code(), level.score(),
								Map.of("nl", level.labelNl(), "en", level.labelEn()), level.labelNl(), level.labelEn()))
						.toList());
		}

		private static String nonNull(@Nullable String value) {
			return (value != null) ? value : "";
		}

	}

	record LevelResponse(String key, int score, Map<String, String> label, String labelNl, String labelEn) {
	}

}
