package org.customerportfolio.evaluation;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A dated assessment of one customer by one user: an answer per criterion (or none) and a
 * comment. Never changed once recorded; a new assessment is a new evaluation.
 */
@Table("evaluation")
class Evaluation {

	@Id
	private @Nullable Long id;

	private final long customerId;

	private final Instant evaluatedAt;

	private final String evaluatedBy;

	private final @Nullable String comment;

	@MappedCollection(idColumn = "evaluation_id")
	private final Set<EvaluationValue> values;

	@PersistenceCreator
	Evaluation(@Nullable Long id, long customerId, Instant evaluatedAt, String evaluatedBy, @Nullable String comment,
			Set<EvaluationValue> values) {
		this.id = id;
		this.customerId = customerId;
		this.evaluatedAt = evaluatedAt;
		this.evaluatedBy = evaluatedBy;
		this.comment = comment;
		this.values = new LinkedHashSet<>(values);
	}

	long id() {
		return Objects.requireNonNull(this.id, "evaluation not saved yet");
	}

	long customerId() {
		return this.customerId;
	}

	Instant evaluatedAt() {
		return this.evaluatedAt;
	}

	String evaluatedBy() {
		return this.evaluatedBy;
	}

	@Nullable String comment() {
		return this.comment;
	}

	Set<EvaluationValue> values() {
		return Set.copyOf(this.values);
	}

}
