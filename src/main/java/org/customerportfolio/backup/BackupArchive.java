package org.customerportfolio.backup;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import javax.sql.DataSource;

import org.customerportfolio.backup.BackupRefusedException.Reason;
import org.customerportfolio.backup.DatabaseTables.Column;
import org.customerportfolio.backup.DatabaseTables.Table;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a database to a backup archive and restores an archive into a database, with
 * plain JDBC on any {@link DataSource} (so that one test can carry a portfolio from H2 to
 * PostgreSQL and back). The archive is a ZIP: one JSON-lines file per table (each line a
 * row, values in the manifest's column order) and a {@code manifest.json} written last,
 * when the row counts and checksums are known. Rows are streamed both ways: nothing holds
 * a table in memory.
 */
final class BackupArchive {

	static final String FORMAT = "customer-portfolio-backup";

	static final int FORMAT_VERSION = 1;

	static final String MANIFEST = "manifest.json";

	private static final int BATCH = 1000;

	private static final ReentrantLock restoring = new ReentrantLock();

	private final DataSource dataSource;

	private final JsonFactory json = JsonFactory.builder()
		.rootValueSeparator("\n")
		.disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
		.disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
		.build();

	private final JsonMapper manifests = JsonMapper.builder()
		.disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
		.disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
		.build();

	BackupArchive(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/** What the archive holds, written last into it. */
	record Manifest(String format, int formatVersion, String schemaVersion, String createdAt, String createdBy,
			List<TableEntry> tables, String checksum) {

	}

	/**
	 * One table in the archive: its file, columns, row count and the SHA-256 of its file.
	 */
	record TableEntry(String name, String file, List<String> columns, List<String> kinds, long rows, String sha256) {

	}

	/**
	 * Writes every table to the stream as one ZIP, read in one repeatable-read
	 * transaction so that the tables agree with each other (the read models with their
	 * sources).
	 */
	Manifest write(OutputStream output, String actor, Instant now) {
		try (Connection connection = this.dataSource.getConnection()) {
			boolean autoCommit = connection.getAutoCommit();
			int isolation = connection.getTransactionIsolation();
			connection.setAutoCommit(false);
			connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
			try {
				String version = Objects.requireNonNull(DatabaseTables.schemaVersion(connection),
						"the database has no Flyway schema version");
				List<Table> tables = DatabaseTables.read(connection);
				ZipOutputStream zip = new ZipOutputStream(new KeepOpen(output), StandardCharsets.UTF_8);
				List<TableEntry> entries = new ArrayList<>();
				for (Table table : tables) {
					entries.add(writeTable(connection, zip, table));
				}
				Manifest manifest = new Manifest(FORMAT, FORMAT_VERSION, version, now.toString(), actor, entries,
						checksum(entries));
				zip.putNextEntry(new ZipEntry(MANIFEST));
				this.manifests.writerWithDefaultPrettyPrinter().writeValue(new KeepOpen(zip), manifest);
				zip.closeEntry();
				zip.finish();
				zip.flush();
				return manifest;
			}
			finally {
				connection.rollback();
				connection.setTransactionIsolation(isolation);
				connection.setAutoCommit(autoCommit);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot read the database for a backup", ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private TableEntry writeTable(Connection connection, ZipOutputStream zip, Table table)
			throws SQLException, IOException {
		String file = "tables/" + table.name() + ".jsonl";
		zip.putNextEntry(new ZipEntry(file));
		MessageDigest sha = sha256();
		BufferedOutputStream buffer = new BufferedOutputStream(new DigestOutputStream(new KeepOpen(zip), sha), 65536);
		long rows = 0;
		String columns = table.columns()
			.stream()
			.map((column) -> DatabaseTables.quoted(column.name()))
			.collect(Collectors.joining(", "));
		String order = table.primaryKey().isEmpty() ? "" : " order by "
				+ table.primaryKey().stream().map(DatabaseTables::quoted).collect(Collectors.joining(", "));
		try (JsonGenerator generator = this.json.createGenerator(buffer);
				Statement statement = connection.createStatement(ResultSet.TYPE_FORWARD_ONLY,
						ResultSet.CONCUR_READ_ONLY)) {
			// PostgreSQL streams in pages only with a fetch size (and outside
			// auto-commit)
			statement.setFetchSize(BATCH);
			try (ResultSet result = statement
				.executeQuery("select " + columns + " from " + DatabaseTables.quoted(table.name()) + order)) {
				List<Column> list = table.columns();
				while (result.next()) {
					generator.writeStartArray();
					for (int i = 0; i < list.size(); i++) {
						writeValue(generator, result, i + 1, list.get(i).kind());
					}
					generator.writeEndArray();
					rows++;
				}
			}
		}
		buffer.flush();
		zip.closeEntry();
		return new TableEntry(table.name(), file, table.columnNames(),
				table.columns().stream().map((column) -> column.kind().name()).toList(), rows,
				HexFormat.of().formatHex(sha.digest()));
	}

	private static void writeValue(JsonGenerator generator, ResultSet result, int index, ValueKind kind)
			throws SQLException {
		switch (kind) {
			case INTEGER -> {
				long value = result.getLong(index);
				if (result.wasNull()) {
					generator.writeNull();
				}
				else {
					generator.writeNumber(value);
				}
			}
			case DOUBLE -> {
				double value = result.getDouble(index);
				if (result.wasNull()) {
					generator.writeNull();
				}
				else {
					generator.writeNumber(value);
				}
			}
			case BOOLEAN -> {
				boolean value = result.getBoolean(index);
				if (result.wasNull()) {
					generator.writeNull();
				}
				else {
					generator.writeBoolean(value);
				}
			}
			case DECIMAL -> {
				BigDecimal value = result.getBigDecimal(index);
				generator.writeString((value != null) ? value.toPlainString() : null);
			}
			case TEXT -> generator.writeString(result.getString(index));
			case DATE -> writeText(generator, result.getObject(index, LocalDate.class));
			case TIMESTAMP -> writeText(generator, result.getObject(index, LocalDateTime.class));
			case TIMESTAMP_WITH_ZONE -> writeText(generator, result.getObject(index, OffsetDateTime.class));
			case BINARY -> {
				byte[] value = result.getBytes(index);
				generator.writeString((value != null) ? Base64.getEncoder().encodeToString(value) : null);
			}
		}
	}

	private static void writeText(JsonGenerator generator, @Nullable Object value) {
		if (value == null) {
			generator.writeNull();
		}
		else {
			generator.writeString(value.toString());
		}
	}

	/**
	 * Reads and checks the manifest of an archive file without touching any database.
	 * @throws BackupRefusedException when the file is no backup archive or is damaged
	 */
	Manifest manifest(Path archive) {
		try (ZipFile zip = open(archive)) {
			return manifest(zip);
		}
		catch (IOException ex) {
			throw damaged(ex, "backup.damaged.unreadable");
		}
	}

	/**
	 * Restores an archive into this installation: all or nothing, in one transaction,
	 * parents before children, and only into an installation without portfolio data.
	 * Accounts, reference data and the audit log of the empty installation are replaced
	 * by the archive's; every session ends.
	 * @throws BackupRefusedException when the archive is damaged, of another schema
	 * version, or the installation not empty; nothing was changed
	 */
	Manifest restore(Path archive) {
		if (!restoring.tryLock()) {
			throw new BackupRefusedException(Reason.BUSY, "backup.busy");
		}
		try (ZipFile zip = open(archive); Connection connection = this.dataSource.getConnection()) {
			Manifest manifest = manifest(zip);
			String installed = DatabaseTables.schemaVersion(connection);
			if (!manifest.schemaVersion().equals(installed)) {
				throw new BackupRefusedException(Reason.WRONG_VERSION, "backup.wrongVersion", manifest.schemaVersion(),
						String.valueOf(installed));
			}
			List<Table> tables = DatabaseTables.read(connection);
			Map<String, TableEntry> entries = manifest.tables()
				.stream()
				.collect(Collectors.toMap(TableEntry::name, (entry) -> entry));
			if (!entries.keySet().equals(DatabaseTables.byName(tables).keySet())) {
				throw new BackupRefusedException(Reason.DAMAGED, "backup.damaged.tables");
			}
			boolean autoCommit = connection.getAutoCommit();
			connection.setAutoCommit(false);
			boolean postgres = connection.getMetaData()
				.getDatabaseProductName()
				.toLowerCase(Locale.ROOT)
				.contains("postgres");
			try {
				List<String> filled = DatabaseTables.notEmpty(connection,
						tables.stream()
							.filter((table) -> !DatabaseTables.INSTALLATION.contains(table.name()))
							.toList());
				if (!filled.isEmpty()) {
					throw new BackupRefusedException(Reason.NOT_EMPTY, "backup.notEmpty", String.join(", ", filled));
				}
				try (Statement statement = connection.createStatement()) {
					for (String session : DatabaseTables.CLEARED_ON_RESTORE) {
						statement.executeUpdate("delete from " + DatabaseTables.quoted(session));
					}
					List<Table> childrenFirst = new ArrayList<>(tables);
					java.util.Collections.reverse(childrenFirst);
					for (Table table : childrenFirst) {
						if (DatabaseTables.INSTALLATION.contains(table.name())) {
							statement.executeUpdate("delete from " + DatabaseTables.quoted(table.name()));
						}
					}
				}
				for (Table table : tables) {
					load(connection, zip, table, entries.get(table.name()));
				}
				if (!checksum(manifest.tables()).equals(manifest.checksum())) {
					throw new BackupRefusedException(Reason.DAMAGED, "backup.damaged.checksum");
				}
				if (postgres) {
					resetSequences(connection, tables);
				}
				connection.commit();
			}
			catch (RuntimeException | SQLException | IOException ex) {
				connection.rollback();
				throw ex;
			}
			if (!postgres) {
				// H2 commits on ALTER: after the data, so that the restore stays one
				// transaction
				resetIdentities(connection, tables);
			}
			return manifest;
		}
		catch (IOException | UncheckedIOException ex) {
			throw damaged(ex, "backup.damaged.unreadable");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("The restore failed; nothing was changed", ex);
		}
		finally {
			restoring.unlock();
		}
	}

	private void load(Connection connection, ZipFile zip, Table table, TableEntry entry)
			throws SQLException, IOException {
		ZipEntry file = zip.getEntry("tables/" + table.name() + ".jsonl");
		if (file == null) {
			throw new BackupRefusedException(Reason.DAMAGED, "backup.damaged.missing", table.name());
		}
		Map<String, Column> target = table.columns()
			.stream()
			.collect(Collectors.toMap(Column::name, (column) -> column));
		if (!target.keySet().equals(new java.util.HashSet<>(entry.columns()))) {
			throw new BackupRefusedException(Reason.DAMAGED, "backup.damaged.columns", table.name());
		}
		List<Column> columns = entry.columns().stream().map(target::get).toList();
		String sql = "insert into " + DatabaseTables.quoted(table.name()) + " ("
				+ columns.stream()
					.map((column) -> DatabaseTables.quoted(column.name()))
					.collect(Collectors.joining(", "))
				+ ") values (" + columns.stream().map((column) -> "?").collect(Collectors.joining(", ")) + ")";
		MessageDigest sha = sha256();
		long rows = 0;
		try (InputStream input = new DigestInputStream(new BufferedInputStream(zip.getInputStream(file), 65536), sha);
				JsonParser parser = this.json.createParser(input);
				PreparedStatement insert = connection.prepareStatement(sql)) {
			JsonToken token;
			while ((token = parser.nextToken()) != null) {
				if (token != JsonToken.START_ARRAY) {
					throw new BackupRefusedException(Reason.DAMAGED, "backup.damaged.row", table.name(), rows + 1);
				}
				for (int i = 0; i < columns.size(); i++) {
					bind(insert, i + 1, columns.get(i), parser, parser.nextToken(), table, rows + 1);
				}
				if (parser.nextToken() != JsonToken.END_ARRAY) {
					throw new BackupRefusedException(Reason.DAMAGED, "backup.damaged.row", table.name(), rows + 1);
				}
				insert.addBatch();
				rows++;
				if (rows % BATCH == 0) {
					insert.executeBatch();
				}
			}
			insert.executeBatch();
			// read to the very end, so that the checksum covers the whole file
			while (input.read() != -1) {
				// nothing
			}
		}
		catch (JacksonException ex) {
			throw damaged(ex, "backup.damaged.row", table.name(), rows + 1);
		}
		catch (SQLException ex) {
			throw new BackupRefusedException(Reason.DAMAGED, ex, "backup.damaged.rows", table.name());
		}
		if (rows != entry.rows() || !HexFormat.of().formatHex(sha.digest()).equals(entry.sha256())) {
			throw new BackupRefusedException(Reason.DAMAGED, "backup.damaged.table", table.name());
		}
	}

	private static void bind(PreparedStatement insert, int index, Column column, JsonParser parser,
			@Nullable JsonToken token, Table table, long row) throws SQLException {
		if (token == JsonToken.VALUE_NULL) {
			insert.setNull(index, column.jdbcType());
			return;
		}
		try {
			switch (column.kind()) {
				case INTEGER -> insert.setLong(index, expect(token, JsonToken.VALUE_NUMBER_INT, parser).getLongValue());
				case DOUBLE -> insert.setDouble(index, (token == JsonToken.VALUE_NUMBER_INT) ? parser.getLongValue()
						: expect(token, JsonToken.VALUE_NUMBER_FLOAT, parser).getDoubleValue());
				case BOOLEAN -> {
					if (token != JsonToken.VALUE_TRUE && token != JsonToken.VALUE_FALSE) {
						throw new IllegalArgumentException("not a boolean");
					}
					insert.setBoolean(index, token == JsonToken.VALUE_TRUE);
				}
				case DECIMAL -> insert.setBigDecimal(index, new BigDecimal(text(token, parser)));
				case TEXT -> insert.setString(index, text(token, parser));
				case DATE -> insert.setObject(index, LocalDate.parse(text(token, parser)));
				case TIMESTAMP -> insert.setObject(index, LocalDateTime.parse(text(token, parser)));
				case TIMESTAMP_WITH_ZONE -> insert.setObject(index, OffsetDateTime.parse(text(token, parser)));
				case BINARY -> insert.setBytes(index, Base64.getDecoder().decode(text(token, parser)));
			}
		}
		catch (IllegalArgumentException | DateTimeParseException ex) {
			// NumberFormatException is an IllegalArgumentException
			throw new BackupRefusedException(Reason.DAMAGED, ex, "backup.damaged.value", table.name(), row,
					column.name());
		}
	}

	private static JsonParser expect(@Nullable JsonToken token, JsonToken expected, JsonParser parser) {
		if (token != expected) {
			throw new IllegalArgumentException("expected " + expected + ", found " + token);
		}
		return parser;
	}

	private static String text(@Nullable JsonToken token, JsonParser parser) {
		return expect(token, JsonToken.VALUE_STRING, parser).getString();
	}

	/**
	 * Moves each identity counter past the highest restored id (PostgreSQL, in the
	 * transaction).
	 */
	private static void resetSequences(Connection connection, List<Table> tables) throws SQLException {
		for (Table table : tables) {
			if (table.identity() != null) {
				try (PreparedStatement statement = connection
					.prepareStatement("select setval(pg_get_serial_sequence(?, ?), " + "coalesce((select max("
							+ DatabaseTables.quoted(table.identity()) + ") from " + DatabaseTables.quoted(table.name())
							+ "), 0) + 1, false)")) {
					statement.setString(1, DatabaseTables.quoted(table.name()));
					statement.setString(2, table.identity());
					statement.executeQuery().close();
				}
			}
		}
	}

	/** Moves each identity counter past the highest restored id (H2). */
	private static void resetIdentities(Connection connection, List<Table> tables) throws SQLException {
		connection.setAutoCommit(true);
		try (Statement statement = connection.createStatement()) {
			for (Table table : tables) {
				if (table.identity() != null) {
					long next;
					try (ResultSet max = statement
						.executeQuery("select coalesce(max(" + DatabaseTables.quoted(table.identity())
								+ "), 0) + 1 from " + DatabaseTables.quoted(table.name()))) {
						max.next();
						next = max.getLong(1);
					}
					statement.execute("alter table " + DatabaseTables.quoted(table.name()) + " alter column "
							+ DatabaseTables.quoted(table.identity()) + " restart with " + next);
				}
			}
		}
	}

	private static ZipFile open(Path archive) {
		try {
			return new ZipFile(archive.toFile(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw damaged(ex, "backup.damaged.notZip");
		}
	}

	private Manifest manifest(ZipFile zip) {
		ZipEntry entry = zip.getEntry(MANIFEST);
		if (entry == null) {
			throw new BackupRefusedException(Reason.DAMAGED, "backup.damaged.noManifest");
		}
		Manifest manifest;
		try (InputStream input = zip.getInputStream(entry)) {
			manifest = this.manifests.readValue(input, Manifest.class);
		}
		catch (IOException | JacksonException ex) {
			throw damaged(ex, "backup.damaged.noManifest");
		}
		if (!FORMAT.equals(manifest.format()) || manifest.tables() == null || manifest.schemaVersion() == null
				|| manifest.checksum() == null || manifest.createdBy() == null || !isInstant(manifest.createdAt())) {
			throw new BackupRefusedException(Reason.DAMAGED, "backup.damaged.noManifest");
		}
		if (manifest.formatVersion() != FORMAT_VERSION) {
			throw new BackupRefusedException(Reason.WRONG_VERSION, "backup.wrongFormat", manifest.formatVersion(),
					FORMAT_VERSION);
		}
		return manifest;
	}

	private static boolean isInstant(@Nullable String text) {
		try {
			return text != null && Instant.parse(text) != null;
		}
		catch (DateTimeParseException ex) {
			return false;
		}
	}

	/**
	 * The archive's checksum: SHA-256 over each table's name and file checksum, in order.
	 */
	static String checksum(List<TableEntry> entries) {
		MessageDigest sha = sha256();
		for (TableEntry entry : entries) {
			sha.update(
					(entry.name() + ':' + entry.sha256() + ':' + entry.rows() + '\n').getBytes(StandardCharsets.UTF_8));
		}
		return HexFormat.of().formatHex(sha.digest());
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static BackupRefusedException damaged(Throwable cause, String code, Object... arguments) {
		return new BackupRefusedException(Reason.DAMAGED, cause, code, arguments);
	}

	/**
	 * Lets a writer close its own stream without closing the ZIP or the response under
	 * it.
	 */
	private static final class KeepOpen extends FilterOutputStream {

		KeepOpen(OutputStream output) {
			super(output);
		}

		@Override
		public void write(byte[] bytes, int offset, int length) throws IOException {
			this.out.write(bytes, offset, length);
		}

		@Override
		public void close() throws IOException {
			flush();
		}

	}

}
