package org.customerportfolio.audit;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One line of the audit log: an action on a subject, or one field of it changed from old
 * to new.
 */
public record AuditEntry(long id, Instant occurredAt, String actor, @Nullable Long customerId, String subjectType,
		long subjectId, @Nullable Long subjectVersion, String action, @Nullable String field, @Nullable String oldValue,
		@Nullable String newValue) {
}
