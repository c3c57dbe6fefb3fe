package org.customerportfolio.invoicing.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.customerportfolio.account.PortfolioUser;
import org.customerportfolio.exchange.FileRefusedException;
import org.customerportfolio.invoicing.ColumnMappings;
import org.customerportfolio.invoicing.DecimalMark;
import org.customerportfolio.invoicing.ImportAnalysis;
import org.customerportfolio.invoicing.ImportFiles;
import org.customerportfolio.invoicing.ImportPreview;
import org.customerportfolio.invoicing.ImportSettings;
import org.customerportfolio.invoicing.InvoiceField;
import org.customerportfolio.invoicing.InvoiceImport;
import org.customerportfolio.invoicing.InvoiceImport.ImportStatus;
import org.customerportfolio.shared.NotFoundException;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The invoice import as a user goes through it: upload a file, check how it is read
 * (columns, date format, decimal mark), preview every line and problem, then import it
 * all or nothing and follow its progress.
 */
@Controller
@RequestMapping("/imports/invoices")
class InvoiceImportController {

	private final InvoiceImport imports;

	private final ImportFiles files;

	private final ColumnMappings mappings;

	private final MessageSource messages;

	InvoiceImportController(InvoiceImport imports, ImportFiles files, ColumnMappings mappings, MessageSource messages) {
		this.imports = imports;
		this.files = files;
		this.mappings = mappings;
		this.messages = messages;
	}

	@GetMapping
	String start(Model model) {
		model.addAttribute("recent", this.imports.recent(20));
		return "invoicing/import-start";
	}

	@PostMapping
	String upload(@RequestParam("file") MultipartFile file, @AuthenticationPrincipal PortfolioUser user,
			RedirectAttributes redirect) throws IOException {
		if (file.isEmpty()) {
			redirect.addFlashAttribute("error", "import.file.empty");
			redirect.addFlashAttribute("errorArguments",
					new Object[] { (file.getOriginalFilename() != null) ? file.getOriginalFilename() : "" });
			return "redirect:/imports/invoices";
		}
		String name = fileName(file.getOriginalFilename());
		String token;
		try (InputStream content = file.getInputStream()) {
			token = this.files.store(content, name, user.getUsername());
		}
		return "redirect:/imports/invoices/" + token;
	}

	@GetMapping("/{token}")
	String mapping(@PathVariable String token, @RequestParam(required = false) @Nullable String mapping, Model model,
			@AuthenticationPrincipal PortfolioUser user, RedirectAttributes redirect) {
		Path path = file(token, user);
		String name = this.files.name(token);
		try {
			ImportAnalysis analysis = this.imports.analyse(path, name);
			ImportSettings settings = (mapping != null) ? this.mappings.find(mapping).orElse(null) : null;
			if (settings == null) {
				settings = new ImportSettings(analysis.suggestedColumns(),
						(analysis.dateCandidates().size() == 1) ? analysis.dateCandidates().get(0) : null,
						analysis.decimalMark());
			}
			model.addAttribute("appliedMapping", mapping);
			return page(model, token, analysis, settings, null);
		}
		catch (FileRefusedException ex) {
			this.files.delete(token);
			redirect.addFlashAttribute("error", ex.code());
			redirect.addFlashAttribute("errorArguments", ex.arguments());
			return "redirect:/imports/invoices";
		}
	}

	@PostMapping("/{token}/preview")
	String preview(@PathVariable String token, @RequestParam MultiValueMap<String, String> parameters, Model model,
			@AuthenticationPrincipal PortfolioUser user, RedirectAttributes redirect) {
		Path path = file(token, user);
		String name = this.files.name(token);
		try {
			ImportAnalysis analysis = this.imports.analyse(path, name);
			ImportSettings settings = settings(parameters);
			ImportPreview preview = this.imports.preview(path, name, settings);
			return page(model, token, analysis, settings, preview);
		}
		catch (FileRefusedException ex) {
			this.files.delete(token);
			redirect.addFlashAttribute("error", ex.code());
			redirect.addFlashAttribute("errorArguments", ex.arguments());
			return "redirect:/imports/invoices";
		}
	}

	@PostMapping("/{token}/commit")
	String commit(@PathVariable String token, @RequestParam MultiValueMap<String, String> parameters,
			@AuthenticationPrincipal PortfolioUser user, RedirectAttributes redirect) {
		Path path = file(token, user);
		ImportSettings settings = settings(parameters);
		String saveAs = parameters.getFirst("saveAs");
		if (saveAs != null && !saveAs.isBlank()) {
			if (saveAs.strip().length() > 100) {
				redirect.addFlashAttribute("error", "import.mapping.name.invalid");
				return "redirect:/imports/invoices/" + token;
			}
			this.mappings.save(saveAs, settings, user.getUsername());
		}
		long id = this.imports.start(path, this.files.name(token), settings, user.getUsername(),
				() -> this.files.delete(token));
		return "redirect:/imports/invoices/jobs/" + id;
	}

	@GetMapping("/jobs/{id}")
	String job(@PathVariable long id, Model model) {
		ImportStatus job = status(id);
		model.addAttribute("job", job);
		model.addAttribute("failure", failure(job));
		return "invoicing/import-job";
	}

	@GetMapping("/jobs/{id}/progress")
	String progress(@PathVariable long id, Model model) {
		ImportStatus job = status(id);
		model.addAttribute("job", job);
		model.addAttribute("failure", failure(job));
		return "invoicing/import-job :: progress";
	}

	/** Why an import failed, in the user's words: the import records a message code. */
	private String failure(ImportStatus job) {
		Locale locale = LocaleContextHolder.getLocale();
		String message = (job.message() != null) ? job.message() : "import.failed.unexpected";
		String problems = "import.failed.problems:";
		if (message.startsWith(problems)) {
			return this.messages.getMessage("import.failed.problems",
					new Object[] { message.substring(problems.length()) }, locale);
		}
		return this.messages.getMessage(message, new Object[] { job.fileName(), "" },
				this.messages.getMessage("import.failed.unexpected", null, locale), locale);
	}

	private ImportStatus status(long id) {
		return this.imports.status(id).orElseThrow(() -> new NotFoundException("import.notFound", id));
	}

	private String page(Model model, String token, ImportAnalysis analysis, ImportSettings settings,
			@Nullable ImportPreview preview) {
		model.addAttribute("token", token);
		model.addAttribute("analysis", analysis);
		model.addAttribute("settings", settings);
		model.addAttribute("fields", InvoiceField.values());
		model.addAttribute("chosen", chosen(settings));
		model.addAttribute("datePatterns", datePatterns(analysis));
		model.addAttribute("marks", DecimalMark.values());
		model.addAttribute("preview", preview);
		model.addAttribute("savedMappings", this.mappings.names());
		return "invoicing/import-mapping";
	}

	private static Map<String, String> chosen(ImportSettings settings) {
		Map<String, String> chosen = new java.util.HashMap<>();
		settings.columns().forEach((field, header) -> chosen.put(field.key(), header));
		return chosen;
	}

	private static List<String> datePatterns(ImportAnalysis analysis) {
		List<String> patterns = new ArrayList<>(analysis.dateCandidates());
		for (String pattern : List.of("yyyy-MM-dd", "dd-MM-yyyy", "d-M-yyyy", "d/M/yyyy", "M/d/yyyy", "d.M.yyyy")) {
			if (!patterns.contains(pattern)) {
				patterns.add(pattern);
			}
		}
		return patterns;
	}

	private static ImportSettings settings(MultiValueMap<String, String> parameters) {
		Map<InvoiceField, String> columns = new EnumMap<>(InvoiceField.class);
		for (InvoiceField field : InvoiceField.values()) {
			String header = parameters.getFirst(InvoiceImportApi.COLUMN_PREFIX + field.key());
			if (header != null) {
				columns.put(field, header); // blank: the user chose "not in the file"
			}
		}
		String dateFormat = parameters.getFirst("dateFormat");
		String mark = parameters.getFirst("decimalMark");
		DecimalMark decimalMark = null;
		if (mark != null && !mark.isBlank()) {
			try {
				decimalMark = DecimalMark.valueOf(mark.toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				decimalMark = null;
			}
		}
		return new ImportSettings(columns, (dateFormat != null && !dateFormat.isBlank()) ? dateFormat : null,
				decimalMark);
	}

	/**
	 * The last part of the name the browser sent, without control characters: never used
	 * as a path.
	 */
	static String fileName(@Nullable String original) {
		if (original == null) {
			return "upload";
		}
		String name = original.substring(Math.max(original.lastIndexOf('/'), original.lastIndexOf('\\')) + 1)
			.replaceAll("\\p{Cntrl}", "")
			.strip();
		return name.isEmpty() ? "upload" : (name.length() > 200) ? name.substring(0, 200) : name;
	}

	/** The upload, for the editor who uploaded it only. */
	private Path file(String token, PortfolioUser user) {
		return this.files.find(token, user.getUsername()).orElseThrow(() -> new NotFoundException("import.fileGone"));
	}

}
