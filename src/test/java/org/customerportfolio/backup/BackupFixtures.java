package org.customerportfolio.backup;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.customerportfolio.backup.DatabaseTables.Column;
import org.customerportfolio.backup.DatabaseTables.Table;
import org.flywaydb.core.Flyway;

import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Databases and archives for backup tests: fresh installations on H2, archives written
 * with the real code, and every table of a database read into comparable text.
 */
public final class BackupFixtures {

	private BackupFixtures() {
	}

	/** A new in-memory H2 database with the application's schema and nothing else. */
	public static DataSource freshH2(String name) {
		// one connection for everything: H2 2.4 fails check constraints once the session
		// that
		// created them (Flyway's) is closed
		DataSource database = new SingleConnectionDataSource(
				"jdbc:h2:mem:" + name
						+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
				"sa", "", true);
		migrate(database);
		return database;
	}

	/**
	 * Brings a database to the application's schema, as the application does at start-up.
	 */
	public static void migrate(DataSource database) {
		Flyway.configure().dataSource(database).locations("classpath:db/migration").load().migrate();
	}

	/** Writes the database to a new archive file. */
	public static Path archive(DataSource database, Path file) {
		try (OutputStream output = Files.newOutputStream(file)) {
			new BackupArchive(database).write(output, "test", Instant.now());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return file;
	}

	/**
	 * Every table (but the excluded ones), each row as its values in column-name order,
	 * normalised by type: decimals without trailing zeros, timestamps with zone as
	 * instants, bytes as Base64. Rows are sorted, so that two databases compare as sets.
	 */
	public static Map<String, List<String>> snapshot(DataSource database) {
		Map<String, List<String>> tables = new TreeMap<>();
		try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
			for (Table table : DatabaseTables.read(connection)) {
				List<Column> columns = table.columns().stream().sorted(Comparator.comparing(Column::name)).toList();
				List<String> rows = new ArrayList<>();
				try (ResultSet result = statement.executeQuery(
						"select "
								+ columns.stream()
									.map((column) -> DatabaseTables.quoted(column.name()))
									.collect(Collectors.joining(", "))
								+ " from " + DatabaseTables.quoted(table.name()))) {
					while (result.next()) {
						StringBuilder row = new StringBuilder();
						for (int i = 0; i < columns.size(); i++) {
							row.append(columns.get(i).name())
								.append('=')
								.append(value(result, i + 1, columns.get(i).kind()))
								.append(" | ");
						}
						rows.add(row.toString());
					}
				}
				rows.sort(null);
				tables.put(table.name(), rows);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		return tables;
	}

	private static String value(ResultSet result, int index, ValueKind kind) throws SQLException {
		Object value = switch (kind) {
			case INTEGER -> {
				long number = result.getLong(index);
				yield result.wasNull() ? null : number;
			}
			case DECIMAL -> {
				java.math.BigDecimal decimal = result.getBigDecimal(index);
				yield (decimal != null) ? decimal.stripTrailingZeros().toPlainString() : null;
			}
			case DOUBLE -> {
				double number = result.getDouble(index);
				yield result.wasNull() ? null : number;
			}
			case BOOLEAN -> {
				boolean flag = result.getBoolean(index);
				yield result.wasNull() ? null : flag;
			}
			case TEXT -> result.getString(index);
			case DATE -> result.getObject(index, LocalDate.class);
			case TIMESTAMP -> result.getObject(index, LocalDateTime.class);
			case TIMESTAMP_WITH_ZONE -> {
				OffsetDateTime time = result.getObject(index, OffsetDateTime.class);
				yield (time != null) ? time.toInstant() : null;
			}
			case BINARY -> {
				byte[] bytes = result.getBytes(index);
				yield (bytes != null) ? Base64.getEncoder().encodeToString(bytes) : null;
			}
		};
		return (value != null) ? "<" + value + ">" : "NULL";
	}

}
