package org.customerportfolio.backup;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Backup and restore from the command line, for installations whose archive is too big to
 * download or upload through the browser:
 * {@code java -jar customer-portfolio.jar --portfolio.backup.to=backup.zip} or
 * {@code --portfolio.backup.restore-from=backup.zip}. The application starts, does the
 * one thing and stops (exit code 0 when done, 1 when refused or failed).
 */
@Component
class BackupCommandLine implements ApplicationRunner {

	static final String TO = "portfolio.backup.to";

	static final String RESTORE_FROM = "portfolio.backup.restore-from";

	private static final Logger logger = LoggerFactory.getLogger(BackupCommandLine.class);

	private static final String ACTOR = "command line";

	private final PortfolioBackup backup;

	private final ConfigurableApplicationContext context;

	BackupCommandLine(PortfolioBackup backup, ConfigurableApplicationContext context) {
		this.backup = backup;
		this.context = context;
	}

	@Override
	public void run(ApplicationArguments arguments) {
		String to = this.context.getEnvironment().getProperty(TO);
		String from = this.context.getEnvironment().getProperty(RESTORE_FROM);
		if (to == null && from == null) {
			return;
		}
		int exit = 0;
		try {
			if (to != null) {
				Path target = Path.of(to).toAbsolutePath();
				try (OutputStream output = new BufferedOutputStream(Files.newOutputStream(target), 1 << 16)) {
					PortfolioBackup.Summary summary = this.backup.backUp(output, ACTOR);
					logger.info("Backup written to {}: {} tables, {} rows, schema version {}", target, summary.tables(),
							summary.rows(), summary.schemaVersion());
				}
			}
			else {
				PortfolioBackup.Summary summary = this.backup.restore(Path.of(from).toAbsolutePath(), ACTOR);
				logger.info("Backup {} restored: {} tables, {} rows, made {} by {}", from, summary.tables(),
						summary.rows(), summary.createdAt(), summary.createdBy());
			}
		}
		catch (BackupRefusedException ex) {
			logger.error("Refused: {} {}", ex.code(), java.util.Arrays.toString(ex.arguments()));
			exit = 1;
		}
		catch (IOException | RuntimeException ex) {
			logger.error("Backup or restore failed", ex);
			exit = 1;
		}
		int code = exit;
		System.exit(SpringApplication.exit(this.context, () -> code));
	}

}
