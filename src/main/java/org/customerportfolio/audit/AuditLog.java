package org.customerportfolio.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.customerportfolio.shared.Chunks;
import org.customerportfolio.shared.FieldChange;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes and reads the audit log. Entries are written in the transaction of the change
 * they describe, so a change and its record land together or not at all.
 */
@Service
public class AuditLog {

	/*
	 * Rows are mapped by column name here rather than with a DataClassRowMapper: that
	 * asks for "occurredat" before "occurred_at", and H2 answers each miss with an
	 * exception it also writes, with its stack trace, to its trace file.
	 */
	private static final RowMapper<AuditEntry> ENTRY = (rs, row) -> new AuditEntry(rs.getLong("id"),
			rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"), rs.getObject("customer_id", Long.class),
			rs.getString("subject_type"), rs.getLong("subject_id"), rs.getObject("subject_version", Long.class),
			rs.getString("action"), rs.getString("field"), rs.getString("old_value"), rs.getString("new_value"));

	private static final RowMapper<FieldChange> CHANGE = (rs, row) -> new FieldChange(rs.getString("field"),
			rs.getString("old_value"), rs.getString("new_value"), rs.getString("actor"),
			rs.getTimestamp("at").toInstant());

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	private final Clock clock;

	AuditLog(JdbcClient jdbc, JdbcTemplate jdbcTemplate, Clock clock) {
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
		this.clock = clock;
	}

	/**
	 * Records an action on a subject (created, archived, restored, …) without field
	 * detail.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void recordAction(Subject subject, String action) {
		insert(List.<Object[]>of(row(subject, action, null, null, null, this.clock.instant())));
	}

	/**
	 * Records every field whose value differs between the two snapshots, in the
	 * snapshots' order.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public List<String> recordChanges(Subject subject, String action, Map<String, String> before,
			Map<String, String> after) {
		Instant now = this.clock.instant();
		List<String> changed = new ArrayList<>();
		List<Object[]> rows = new ArrayList<>();
		for (String[] difference : differences(before, after)) {
			rows.add(row(subject, action, difference[0], difference[1], difference[2], now));
			changed.add(difference[0]);
		}
		insert(rows);
		return changed;
	}

	/** Each field whose value differs: its name, the old value and the new one. */
	private static List<String[]> differences(Map<String, String> before, Map<String, String> after) {
		List<String[]> differences = new ArrayList<>();
		for (Map.Entry<String, String> field : after.entrySet()) {
			String old = emptyToNull(before.get(field.getKey()));
			String value = emptyToNull(field.getValue());
			if (!Objects.equals(old, value)) {
				differences.add(new String[] { field.getKey(), old, value });
			}
		}
		return differences;
	}

	/**
	 * Records the changed fields of many subjects at once, as {@link #recordChanges}
	 * would one by one, in batches (an import registers thousands of customers).
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void recordChangesOfAll(String action, List<Changes> all) {
		Instant now = this.clock.instant();
		List<Object[]> rows = new ArrayList<>();
		for (Changes changes : all) {
			for (String[] difference : differences(changes.before(), changes.after())) {
				rows.add(row(changes.subject(), action, difference[0], difference[1], difference[2], now));
			}
		}
		insert(rows);
	}

	/** A subject's fields before and after a change. */
	public record Changes(Subject subject, Map<String, String> before, Map<String, String> after) {
	}

	@Transactional(readOnly = true)
	public List<AuditEntry> ofCustomer(long customerId, int limit) {
		return this.jdbc.sql("""
				select id, occurred_at, actor, customer_id, subject_type, subject_id, subject_version, action, field,
				       old_value, new_value
				from audit_entry where customer_id = :customer order by id desc limit :limit
				""").param("customer", customerId).param("limit", limit).query(ENTRY).list();
	}

	/**
	 * The newest entries of the whole log, a page at a time, optionally of one kind of
	 * subject only.
	 */
	@Transactional(readOnly = true)
	public org.customerportfolio.shared.PageSlice<AuditEntry> all(@Nullable String subjectType, int page, int size) {
		String where = (subjectType != null) ? " where subject_type = :type" : "";
		long total = this.jdbc.sql("select count(*) from audit_entry" + where)
			.param("type", (subjectType != null) ? subjectType : "")
			.query(Long.class)
			.single();
		List<AuditEntry> entries = this.jdbc.sql("""
				select id, occurred_at, actor, customer_id, subject_type, subject_id, subject_version, action, field,
				       old_value, new_value
				from audit_entry%s order by id desc limit :limit offset :offset
				""".formatted(where))
			.param("type", (subjectType != null) ? subjectType : "")
			.param("limit", size)
			.param("offset", (long) page * size)
			.query(ENTRY)
			.list();
		return new org.customerportfolio.shared.PageSlice<>(entries, page, size, total);
	}

	@Transactional(readOnly = true)
	public List<AuditEntry> ofSubject(String subjectType, long subjectId, int limit) {
		return this.jdbc.sql("""
				select id, occurred_at, actor, customer_id, subject_type, subject_id, subject_version, action, field,
				       old_value, new_value
				from audit_entry where subject_type = :type and subject_id = :id order by id desc limit :limit
				""").param("type", subjectType).param("id", subjectId).param("limit", limit).query(ENTRY).list();
	}

	/**
	 * The field changes made to a subject after the given version: what someone else did
	 * while a user was editing an older copy.
	 */
	@Transactional(readOnly = true)
	public List<FieldChange> changesSince(String subjectType, long subjectId, long version) {
		return this.jdbc.sql("""
				select field, old_value, new_value, actor, occurred_at as at
				from audit_entry
				where subject_type = :type and subject_id = :id and subject_version > :version and field is not null
				order by id
				""").param("type", subjectType).param("id", subjectId).param("version", version).query(CHANGE).list();
	}

	private static Object[] row(Subject subject, String action, @Nullable String field, @Nullable String oldValue,
			@Nullable String newValue, Instant at) {
		return new Object[] { java.sql.Timestamp.from(at), subject.actor(), subject.customerId(), subject.type(),
				subject.id(), subject.version(), action, field, oldValue, newValue };
	}

	/** The only way entries are written: added, a thousand per batch at most. */
	private void insert(List<Object[]> rows) {
		for (List<Object[]> chunk : Chunks.of(rows, 1000)) {
			this.jdbcTemplate.batchUpdate("""
					insert into audit_entry (occurred_at, actor, customer_id, subject_type, subject_id, subject_version,
					                         action, field, old_value, new_value)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
					""", chunk);
		}
	}

	private static @Nullable String emptyToNull(@Nullable String value) {
		return (value == null || value.isEmpty()) ? null : value;
	}

	/**
	 * What an entry is about: the kind and id of the record, its version after the
	 * change, the customer it belongs to, and who acted.
	 */
	public record Subject(String type, long id, @Nullable Long version, @Nullable Long customerId, String actor) {
	}

}
