package org.customerportfolio.backup.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.customerportfolio.account.PortfolioUser;
import org.customerportfolio.backup.BackupRefusedException;
import org.customerportfolio.backup.PortfolioBackup;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrators' backup page: download the whole portfolio as one archive, or
 * restore an archive into this installation while it is still empty.
 */
@Controller
class BackupController {

	private final PortfolioBackup backup;

	BackupController(PortfolioBackup backup) {
		this.backup = backup;
	}

	@GetMapping("/admin/backup")
	String page(Model model) {
		model.addAttribute("installation", this.backup.installation());
		return "backup/backup";
	}

	@GetMapping("/admin/backup/archive")
	void download(HttpServletResponse response, @AuthenticationPrincipal PortfolioUser user) throws IOException {
		send(this.backup, response, user.getUsername());
	}

	@PostMapping("/admin/backup/restore")
	String restore(@RequestParam(name = "file", required = false) @Nullable MultipartFile file,
			@RequestParam(defaultValue = "false") boolean confirm, @AuthenticationPrincipal PortfolioUser user,
			HttpServletRequest request, Model model, RedirectAttributes redirect) throws IOException {
		if (file == null || file.isEmpty()) {
			redirect.addFlashAttribute("error", "backup.restore.noFile");
			redirect.addFlashAttribute("errorArguments", new Object[0]);
			return "redirect:/admin/backup";
		}
		if (!confirm) {
			redirect.addFlashAttribute("error", "backup.restore.notConfirmed");
			redirect.addFlashAttribute("errorArguments", new Object[0]);
			return "redirect:/admin/backup";
		}
		Path upload = Files.createTempFile("portfolio-restore-", ".zip");
		try {
			file.transferTo(upload);
			PortfolioBackup.Summary summary = this.backup.restore(upload, user.getUsername());
			// the accounts were replaced: this login belongs to the installation that was
			HttpSession session = request.getSession(false);
			if (session != null) {
				session.invalidate();
			}
			SecurityContextHolder.clearContext();
			model.addAttribute("currentUser", null);
			model.addAttribute("summary", summary);
			return "backup/restored";
		}
		catch (BackupRefusedException ex) {
			redirect.addFlashAttribute("error", ex.code());
			redirect.addFlashAttribute("errorArguments", ex.arguments());
			return "redirect:/admin/backup";
		}
		finally {
			Files.deleteIfExists(upload);
		}
	}

	/** Streams an archive as a download, named after the moment it was made. */
	static void send(PortfolioBackup backup, HttpServletResponse response, String actor) throws IOException {
		response.setContentType("application/zip");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(backup.fileName()).build().toString());
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		backup.backUp(response.getOutputStream(), actor);
		response.flushBuffer();
	}

}
