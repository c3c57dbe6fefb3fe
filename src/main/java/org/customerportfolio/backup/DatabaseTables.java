package org.customerportfolio.backup;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

/**
 * The tables of the application's schema as the database describes them: read from the
 * JDBC metadata, so that a table added by a new migration is backed up without anyone
 * remembering to list it. Only the tables that must NOT be in a backup are named here.
 */
final class DatabaseTables {

	/**
	 * Tables left out of every backup: Flyway's own history (the archive records the
	 * schema version instead), the HTTP sessions (logins of the moment, not portfolio
	 * data; a restore ends them all), the instances' lock rows (seeded by their
	 * migration, only counters for taking turns), the log of data changes that tells
	 * instances to drop cached results (a restore records a change of its own instead)
	 * and the work list of a rebuild of totals (empty outside its transaction).
	 */
	static final Set<String> EXCLUDED = Set.of("flyway_schema_history", "spring_session", "spring_session_attributes",
			"instance_lock", "data_change", "customer_refresh");

	/** Emptied by a restore: the sessions of the accounts the restore replaces. */
	static final List<String> CLEARED_ON_RESTORE = List.of("spring_session_attributes", "spring_session");

	/**
	 * Tables a new installation fills by itself — reference data from the migrations, the
	 * first administrator, the audit of creating them, settings and read-model markers
	 * written at start-up. They may hold rows in an "empty" installation and a restore
	 * replaces their content with the archive's. Every other table must be empty for a
	 * restore to go ahead.
	 */
	static final Set<String> INSTALLATION = Set.of("app_user", "api_token", "sheet_layout", "audit_entry",
			"business_type", "service_category", "criterion", "criterion_level", "column_mapping", "warning_setting",
			"analysis_setting", "read_model_basis");

	private DatabaseTables() {
	}

	/** A table to back up: its columns in order, its key and its identity column. */
	record Table(String name, List<Column> columns, List<String> primaryKey, @Nullable String identity) {

		List<String> columnNames() {
			return this.columns.stream().map(Column::name).toList();
		}

	}

	/** A column and how its values are written. */
	record Column(String name, ValueKind kind, int jdbcType) {

	}

	/**
	 * Every table of the connection's schema except the excluded ones, parents before the
	 * tables that reference them (the order to insert in; delete in reverse).
	 */
	static List<Table> read(Connection connection) throws SQLException {
		DatabaseMetaData metadata = connection.getMetaData();
		String schema = connection.getSchema();
		Set<String> names = new TreeSet<>();
		try (ResultSet tables = metadata.getTables(null, schema, "%", new String[] { "TABLE" })) {
			while (tables.next()) {
				String name = tables.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
				if (!EXCLUDED.contains(name)) {
					names.add(name);
				}
			}
		}
		Map<String, Table> byName = new TreeMap<>();
		Map<String, Set<String>> parents = new TreeMap<>();
		for (String name : names) {
			byName.put(name, table(metadata, schema, name));
			Set<String> references = new TreeSet<>();
			try (ResultSet keys = metadata.getImportedKeys(null, schema, name)) {
				while (keys.next()) {
					String parent = keys.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT);
					if (!parent.equals(name) && names.contains(parent)) {
						references.add(parent);
					}
				}
			}
			parents.put(name, references);
		}
		// parents first: repeatedly take the tables whose parents are all placed
		Set<String> placed = new LinkedHashSet<>();
		while (placed.size() < names.size()) {
			int before = placed.size();
			for (String name : names) {
				if (!placed.contains(name) && placed.containsAll(parents.get(name))) {
					placed.add(name);
				}
			}
			if (placed.size() == before) {
				Set<String> rest = new TreeSet<>(names);
				rest.removeAll(placed);
				throw new IllegalStateException("Foreign keys form a cycle among " + rest);
			}
		}
		List<Table> ordered = new ArrayList<>();
		placed.forEach((name) -> ordered.add(byName.get(name)));
		return ordered;
	}

	private static Table table(DatabaseMetaData metadata, String schema, String name) throws SQLException {
		Map<Integer, Column> columns = new TreeMap<>();
		String identity = null;
		try (ResultSet rows = metadata.getColumns(null, schema, name, "%")) {
			while (rows.next()) {
				String column = rows.getString("COLUMN_NAME").toLowerCase(Locale.ROOT);
				int type = rows.getInt("DATA_TYPE");
				columns.put(rows.getInt("ORDINAL_POSITION"),
						new Column(column, ValueKind.of(type, rows.getString("TYPE_NAME")), type));
				if ("YES".equalsIgnoreCase(rows.getString("IS_AUTOINCREMENT"))) {
					identity = column;
				}
			}
		}
		Map<Integer, String> key = new TreeMap<>();
		try (ResultSet rows = metadata.getPrimaryKeys(null, schema, name)) {
			while (rows.next()) {
				key.put(rows.getInt("KEY_SEQ"), rows.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
			}
		}
		return new Table(name, List.copyOf(columns.values()), List.copyOf(key.values()), identity);
	}

	/**
	 * The schema version Flyway last applied (the newest successful versioned migration),
	 * or {@code null} when Flyway never ran.
	 */
	static @Nullable String schemaVersion(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(
						"select version from flyway_schema_history where success = true and version is not null "
								+ "order by installed_rank desc")) {
			return rows.next() ? rows.getString(1) : null;
		}
	}

	/** The tables among these that hold at least one row. */
	static List<String> notEmpty(Connection connection, List<Table> tables) throws SQLException {
		List<String> filled = new ArrayList<>();
		try (Statement statement = connection.createStatement()) {
			for (Table table : tables) {
				try (ResultSet rows = statement
					.executeQuery("select 1 from " + quoted(table.name()) + " fetch first 1 rows only")) {
					if (rows.next()) {
						filled.add(table.name());
					}
				}
			}
		}
		return filled;
	}

	static String quoted(String identifier) {
		return '"' + identifier.replace("\"", "\"\"") + '"';
	}

	static Map<String, Table> byName(List<Table> tables) {
		Map<String, Table> map = new LinkedHashMap<>();
		tables.forEach((table) -> map.put(table.name(), table));
		return map;
	}

}
