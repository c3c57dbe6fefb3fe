package org.customerportfolio.backup;

import java.io.OutputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.customerportfolio.audit.AuditLog;
import org.customerportfolio.shared.DataChanges;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Backs up the whole portfolio to one archive and restores an archive into an empty
 * installation; both leave an entry in the audit log.
 */
@Service
public class PortfolioBackup {

	/** The subject type of backup and restore entries in the audit log. */
	static final String AUDIT_SUBJECT = "PORTFOLIO";

	private static final DateTimeFormatter FILE_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
		.withZone(ZoneOffset.UTC);

	private final DataSource dataSource;

	private final BackupArchive archive;

	private final AuditLog audit;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final DataChanges changes;

	PortfolioBackup(DataSource dataSource, AuditLog audit, PlatformTransactionManager transactions, Clock clock,
			DataChanges changes) {
		this.dataSource = dataSource;
		this.changes = changes;
		this.archive = new BackupArchive(dataSource);
		this.audit = audit;
		this.transactions = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	/** What a backup held, or a restore brought back. */
	public record Summary(String schemaVersion, Instant createdAt, String createdBy, int tables, long rows) {

		static Summary of(BackupArchive.Manifest manifest) {
			return new Summary(manifest.schemaVersion(), Instant.parse(manifest.createdAt()), manifest.createdBy(),
					manifest.tables().size(),
					manifest.tables().stream().mapToLong(BackupArchive.TableEntry::rows).sum());
		}

	}

	/**
	 * Whether a backup can be restored here: the schema version, and the tables that
	 * already hold portfolio data (none in an empty installation).
	 */
	public record Installation(@Nullable String schemaVersion, List<String> filledTables) {

		public boolean empty() {
			return this.filledTables.isEmpty();
		}

	}

	/**
	 * A file name for an archive made now, such as
	 * {@code portfolio-backup-20261127-181729.zip}.
	 */
	public String fileName() {
		return "portfolio-backup-" + FILE_STAMP.format(this.clock.instant()) + ".zip";
	}

	/** Writes the whole portfolio to the stream as one ZIP archive. */
	public Summary backUp(OutputStream output, String actor) {
		Summary summary = Summary.of(this.archive.write(output, actor, this.clock.instant()));
		this.transactions.executeWithoutResult((status) -> this.audit.recordChanges(subject(actor), "BACKED_UP",
				Map.of(), Map.of("archive", describe(summary))));
		return summary;
	}

	/**
	 * Restores an archive file into this (empty) installation; every session ends and
	 * everybody signs in again with the accounts of the backup.
	 * @throws BackupRefusedException when the archive is damaged, of another schema
	 * version, or this installation is not empty; nothing was changed
	 */
	public Summary restore(Path file, String actor) {
		Summary summary = Summary.of(this.archive.restore(file));
		this.transactions.executeWithoutResult((status) -> {
			this.audit.recordChanges(subject(actor), "RESTORED", Map.of(), Map.of("archive", describe(summary)));
			// every instance drops what it computed from the installation that was
			this.changes.record();
		});
		return summary;
	}

	/**
	 * The schema version and whether this installation is empty enough to restore into.
	 */
	public Installation installation() {
		try (Connection connection = this.dataSource.getConnection()) {
			List<DatabaseTables.Table> portfolio = DatabaseTables.read(connection)
				.stream()
				.filter((table) -> !DatabaseTables.INSTALLATION.contains(table.name()))
				.toList();
			return new Installation(DatabaseTables.schemaVersion(connection),
					DatabaseTables.notEmpty(connection, portfolio));
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot read the database's tables", ex);
		}
	}

	private static AuditLog.Subject subject(String actor) {
		return new AuditLog.Subject(AUDIT_SUBJECT, 0, null, null, actor);
	}

	private static String describe(Summary summary) {
		return "schema " + summary.schemaVersion() + ", made " + summary.createdAt() + " by " + summary.createdBy()
				+ ", " + summary.tables() + " tables, " + summary.rows() + " rows";
	}

}
