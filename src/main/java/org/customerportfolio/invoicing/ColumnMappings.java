package org.customerportfolio.invoicing;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.customerportfolio.audit.AuditLog;
import org.customerportfolio.audit.AuditLog.Subject;
import org.customerportfolio.shared.InvalidInputException;
import org.customerportfolio.shared.RuleViolation;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Column mappings saved under a name, so the next export from the same accounting system
 * is read the same way without choosing again.
 */
@Service
@Transactional
public class ColumnMappings {

	private final JdbcClient jdbc;

	private final AuditLog audit;

	ColumnMappings(JdbcClient jdbc, AuditLog audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	@Transactional(readOnly = true)
	public List<String> names() {
		return this.jdbc.sql("select name from column_mapping order by name").query(String.class).list();
	}

	@Transactional(readOnly = true)
	public Optional<ImportSettings> find(String name) {
		return this.jdbc.sql("select columns, settings from column_mapping where name = :name")
			.param("name", name)
			.query((rs, n) -> decode(rs.getString(1), rs.getString(2)))
			.optional();
	}

	/**
	 * Saves the settings under the name, replacing what was saved under it before; the
	 * audit log keeps both.
	 */
	public void save(String name, ImportSettings settings, String actor) {
		String tidy = (name == null) ? "" : name.strip();
		if (tidy.isEmpty() || tidy.length() > 100) {
			throw new InvalidInputException(List.of(new RuleViolation("saveAs", "import.mapping.name.invalid")));
		}
		String before = find(tidy).map(ColumnMappings::describe).orElse("");
		this.jdbc.sql("delete from column_mapping where name = :name").param("name", tidy).update();
		this.jdbc.sql("insert into column_mapping (name, columns, settings) values (:name, :columns, :settings)")
			.param("name", tidy)
			.param("columns",
					settings.columns()
						.entrySet()
						.stream()
						.map((column) -> column.getKey().key() + "=" + column.getValue().replace("\n", " "))
						.collect(Collectors.joining("\n")))
			.param("settings",
					"dateFormat=" + nonNull(settings.dateFormat()) + "\ndecimalMark="
							+ ((settings.decimalMark() != null) ? settings.decimalMark().name() : ""))
			.update();
		long id = this.jdbc.sql("select id from column_mapping where name = :name")
			.param("name", tidy)
			.query(Long.class)
			.single();
		this.audit.recordChanges(new Subject("COLUMN_MAPPING", id, null, null, actor), "UPDATED",
				Map.of("columnMapping", before), Map.of("columnMapping", tidy + ": " + describe(settings)));
	}

	private static String describe(ImportSettings settings) {
		return settings.columns()
			.entrySet()
			.stream()
			.map((column) -> column.getKey().key() + "=" + column.getValue())
			.collect(Collectors.joining(", ")) + "; " + nonNull(settings.dateFormat()) + "; "
				+ ((settings.decimalMark() != null) ? settings.decimalMark().name() : "");
	}

	private static ImportSettings decode(String columns, @Nullable String settings) {
		Map<InvoiceField, String> mapped = new EnumMap<>(InvoiceField.class);
		for (String line : columns.split("\n")) {
			int equals = line.indexOf('=');
			if (equals > 0) {
				InvoiceField.byKey(line.substring(0, equals))
					.ifPresent((field) -> mapped.put(field, line.substring(equals + 1)));
			}
		}
		String dateFormat = null;
		DecimalMark mark = null;
		if (settings != null) {
			for (String line : settings.split("\n")) {
				if (line.startsWith("dateFormat=") && line.length() > "dateFormat=".length()) {
					dateFormat = line.substring("dateFormat=".length());
				}
				if (line.startsWith("decimalMark=") && line.length() > "decimalMark=".length()) {
					mark = DecimalMark.valueOf(line.substring("decimalMark=".length()));
				}
			}
		}
		return new ImportSettings(mapped, dateFormat, mark);
	}

	private static String nonNull(@Nullable String value) {
		return (value != null) ? value : "";
	}

}
