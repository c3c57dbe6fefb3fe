package org.customerportfolio.sheet;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.customerportfolio.evaluation.EvaluationManagement;
import org.customerportfolio.shared.InvalidInputException;
import org.customerportfolio.shared.RuleViolation;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rating from the sheet: one cell, or one criterion for many selected customers. Each
 * records an evaluation that keeps the customer's other answers, exactly as the
 * evaluation form would, so history, scores and audit follow.
 */
@Service
@Transactional
public class SheetEditing {

	static final int MAX_SELECTION = 1000;

	private final EvaluationManagement evaluations;

	private final SheetColumns columns;

	SheetEditing(EvaluationManagement evaluations, SheetColumns columns) {
		this.evaluations = evaluations;
		this.columns = columns;
	}

	/**
	 * Sets one criterion's level (null clears it) for a customer, refused when someone
	 * evaluated the customer after the evaluation the user saw.
	 */
	public void rate(long customerId, String columnKey, @Nullable String level, @Nullable Long seenEvaluation,
			String actor) {
		String criterion = criterion(columnKey);
		this.evaluations.amend(customerId, Map.of(criterion, (level == null) ? List.of() : List.of(level)),
				seenEvaluation, true, null, actor);
	}

	/** Sets one criterion's level for every selected customer, all or none. */
	public int rateAll(Collection<Long> customerIds, String columnKey, String level, String actor) {
		String criterion = criterion(columnKey);
		if (customerIds.isEmpty()) {
			throw new InvalidInputException(List.of(new RuleViolation("ids", "sheet.bulk.noneSelected")));
		}
		if (customerIds.size() > MAX_SELECTION) {
			throw new InvalidInputException(
					List.of(new RuleViolation("ids", "sheet.bulk.tooMany", customerIds.size(), MAX_SELECTION)));
		}
		for (long customerId : customerIds) {
			this.evaluations.amend(customerId, Map.of(criterion, List.of(level)), null, false, null, actor);
		}
		return customerIds.size();
	}

	private String criterion(String columnKey) {
		SheetColumn column = this.columns.all()
			.column(columnKey)
			.filter(SheetColumn::editableInPlace)
			.orElseThrow(() -> new InvalidInputException(
					List.of(new RuleViolation("criterion", "sheet.rate.notEditable", columnKey))));
		return column.criterion().code();
	}

}
