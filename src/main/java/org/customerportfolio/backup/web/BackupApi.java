package org.customerportfolio.backup.web;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;

import org.customerportfolio.account.PortfolioUser;
import org.customerportfolio.backup.BackupRefusedException;
import org.customerportfolio.backup.PortfolioBackup;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Backup and restore for scripts: the archive as a download, and a restore of an uploaded
 * archive into an empty installation. Administrators only.
 */
@RestController
@RequestMapping("/api/v1/admin")
@Tag(name = "Backup", description = "The whole portfolio as one archive, and back into an empty installation")
class BackupApi {

	private final PortfolioBackup backup;

	private final MessageSource messages;

	BackupApi(PortfolioBackup backup, MessageSource messages) {
		this.backup = backup;
		this.messages = messages;
	}

	@GetMapping(path = "/backup", produces = "application/zip")
	@Operation(summary = "Download a backup archive",
			description = "A ZIP with manifest.json (format and schema version, created at and by, per table its "
					+ "row count and SHA-256) and one JSON-lines file per table. It holds user password hashes and "
					+ "hashed API tokens: keep it as safe as the database.")
	void backup(HttpServletResponse response, @AuthenticationPrincipal PortfolioUser user) throws IOException {
		BackupController.send(this.backup, response, user.getUsername());
	}

	@PostMapping(path = "/restore", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Restore a backup archive into this empty installation",
			description = "multipart: file. All or nothing. 400 when the file is no intact backup, 409 when it was "
					+ "made by another schema version or this installation already holds portfolio data. Accounts "
					+ "are replaced by the archive's; every session ends.")
	PortfolioBackup.Summary restore(@RequestParam("file") MultipartFile file,
			@AuthenticationPrincipal PortfolioUser user) throws IOException {
		Path upload = Files.createTempFile("portfolio-restore-", ".zip");
		try {
			file.transferTo(upload);
			return this.backup.restore(upload, user.getUsername());
		}
		finally {
			Files.deleteIfExists(upload);
		}
	}

	@ExceptionHandler
	ProblemDetail refused(BackupRefusedException ex) {
		HttpStatus status = (ex.reason() == BackupRefusedException.Reason.DAMAGED) ? HttpStatus.BAD_REQUEST
				: HttpStatus.CONFLICT;
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
				this.messages.getMessage(ex.code(), ex.arguments(), ex.code(), LocaleContextHolder.getLocale()));
		problem.setType(URI.create("about:blank"));
		problem.setProperty("code", ex.code());
		return problem;
	}

}
