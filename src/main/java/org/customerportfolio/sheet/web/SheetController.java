package org.customerportfolio.sheet.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.customerportfolio.account.PortfolioUser;
import org.customerportfolio.customer.CustomerManagement;
import org.customerportfolio.exchange.FileRefusedException;
import org.customerportfolio.invoicing.ImportFiles;
import org.customerportfolio.sheet.PortfolioSheet;
import org.customerportfolio.sheet.SheetColumn;
import org.customerportfolio.sheet.SheetColumns;
import org.customerportfolio.sheet.SheetEditing;
import org.customerportfolio.sheet.SheetExport;
import org.customerportfolio.sheet.SheetImport;
import org.customerportfolio.sheet.SheetLayouts;
import org.customerportfolio.sheet.SheetQuery;
import org.customerportfolio.sheet.SheetRow;
import org.customerportfolio.shared.EditConflictException;
import org.customerportfolio.shared.InvalidInputException;
import org.customerportfolio.shared.Language;
import org.customerportfolio.shared.NotFoundException;
import org.customerportfolio.shared.RuleViolation;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The portfolio sheet's pages: the grid (remembered per user), rating in place and in
 * bulk, the export of the current view, and the import of an edited sheet with its
 * preview.
 */
@Controller
@RequestMapping("/portfolio")
class SheetController {

	private final PortfolioSheet sheet;

	private final SheetLayouts layouts;

	private final SheetEditing editing;

	private final SheetExport export;

	private final SheetImport imports;

	private final ImportFiles files;

	private final CustomerManagement customers;

	private final long maxUploadBytes;

	SheetController(PortfolioSheet sheet, SheetLayouts layouts, SheetEditing editing, SheetExport export,
			SheetImport imports, ImportFiles files, CustomerManagement customers,
			@Value("${portfolio.sheet.max-upload-mb:20}") long maxUploadMb) {
		this.sheet = sheet;
		this.layouts = layouts;
		this.editing = editing;
		this.export = export;
		this.imports = imports;
		this.files = files;
		this.customers = customers;
		this.maxUploadBytes = maxUploadMb * 1024 * 1024;
	}

	@GetMapping
	String sheet(@RequestParam MultiValueMap<String, String> parameters, @AuthenticationPrincipal PortfolioUser user,
			HttpServletRequest request, Model model) {
		SheetColumns.Catalogue catalogue = this.sheet.catalogue();
		SheetQuery query;
		boolean remembered = parameters.isEmpty();
		MultiValueMap<String, String> effective = remembered ? remembered(user) : parameters;
		try {
			query = SheetQuery.parse(effective, catalogue);
		}
		catch (InvalidInputException ex) {
			RuleViolation first = ex.violations().get(0);
			model.addAttribute("error", first.code());
			model.addAttribute("errorArguments", first.arguments());
			query = SheetQuery.parse(new LinkedMultiValueMap<>(), catalogue);
			if (remembered) {
				// a remembered view that no longer fits (a criterion retired): start
				// afresh
				this.layouts.forget(user.id());
			}
			remembered = true;
		}
		if (!remembered) {
			this.layouts.remember(user.id(), query);
		}
		return show(query, catalogue, request, model);
	}

	private String show(SheetQuery query, SheetColumns.Catalogue catalogue, HttpServletRequest request, Model model) {
		model.addAttribute("query", query);
		model.addAttribute("catalogue", catalogue);
		model.addAttribute("visible",
				query.columns().stream().map((key) -> catalogue.column(key).orElseThrow()).toList());
		model.addAttribute("hidden",
				catalogue.columns().stream().filter((column) -> !query.columns().contains(column.key())).toList());
		model.addAttribute("editable", catalogue.columns().stream().filter(SheetColumn::editableInPlace).toList());
		model.addAttribute("groupable", catalogue.columns().stream().filter(SheetColumn::groupable).toList());
		PortfolioSheet.SheetPage result = this.sheet.page(query, catalogue);
		SheetColumn group = (query.group() != null) ? catalogue.column(query.group()).orElse(null) : null;
		model.addAttribute("result", result);
		model.addAttribute("lines", lines(result, group));
		model.addAttribute("tags", this.customers.tags());
		model.addAttribute("language", Language.of(LocaleContextHolder.getLocale()));
		model.addAttribute("links", new Links(query));
		boolean htmx = request.getHeader("HX-Request") != null && request.getHeader("HX-Boosted") == null;
		return htmx ? "sheet/sheet :: grid" : "sheet/sheet";
	}

	/**
	 * The page's rows, with a heading line (label, count, subtotals) before the first row
	 * of each group when the view is grouped.
	 */
	private static List<Line> lines(PortfolioSheet.SheetPage result, @Nullable SheetColumn group) {
		List<Line> lines = new java.util.ArrayList<>();
		Object previous = new Object();
		Language language = Language.of(LocaleContextHolder.getLocale());
		for (SheetRow row : result.rows().content()) {
			if (group != null) {
				Object value = row.value(group.key());
				if (!java.util.Objects.equals(value, previous)) {
					String code = (value != null) ? value.toString() : "";
					String label = (value != null) ? group.label(code, language) : null;
					if (group.type() == org.customerportfolio.sheet.ColumnType.TEXT) {
						label = (value != null) ? code : null;
					}
					lines.add(new Line(null, label, result.groups().get(code)));
					previous = value;
				}
			}
			lines.add(new Line(row, null, null));
		}
		return lines;
	}

	/** A line of the grid: a customer's row, or the heading of a group. */
	public record Line(@Nullable SheetRow row, @Nullable String groupLabel,
			PortfolioSheet.@Nullable GroupTotal groupTotal) {

		public boolean heading() {
			return this.row == null;
		}

	}

	private MultiValueMap<String, String> remembered(PortfolioUser user) {
		return this.layouts.layout(user.id())
			.map((text) -> UriComponentsBuilder.newInstance().query(text).build().getQueryParams())
			.map(SheetController::decoded)
			.orElseGet(LinkedMultiValueMap::new);
	}

	private static MultiValueMap<String, String> decoded(MultiValueMap<String, String> encoded) {
		MultiValueMap<String, String> decoded = new LinkedMultiValueMap<>();
		encoded.forEach((key, values) -> values
			.forEach((value) -> decoded.add(java.net.URLDecoder.decode(key, StandardCharsets.UTF_8),
					(value != null) ? java.net.URLDecoder.decode(value, StandardCharsets.UTF_8) : "")));
		return decoded;
	}

	@PostMapping("/layout/reset")
	String reset(@AuthenticationPrincipal PortfolioUser user) {
		this.layouts.forget(user.id());
		return "redirect:/portfolio";
	}

	/** Rates one cell; answers the customer's row as it is now (scores included). */
	@PostMapping("/rating")
	String rate(@RequestParam long customer, @RequestParam String column,
			@RequestParam(required = false) @Nullable String level, @RequestParam(required = false) @Nullable Long seen,
			@RequestParam MultiValueMap<String, String> parameters, @AuthenticationPrincipal PortfolioUser user,
			Model model, HttpServletResponse response) {
		SheetColumns.Catalogue catalogue = this.sheet.catalogue();
		SheetQuery query = SheetQuery.parse(view(parameters), catalogue);
		try {
			this.editing.rate(customer, column, (level == null || level.isBlank()) ? null : level, seen,
					user.getUsername());
		}
		catch (EditConflictException ex) {
			response.setStatus(HttpStatus.CONFLICT.value());
			model.addAttribute("problem", "sheet.rate.conflict");
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("problem", ex.violations().get(0).code());
		}
		model.addAttribute("query", query);
		model.addAttribute("visible",
				query.columns().stream().map((key) -> catalogue.column(key).orElseThrow()).toList());
		model.addAttribute("row",
				this.sheet.rows(query, catalogue, List.of(customer))
					.stream()
					.findFirst()
					.orElseThrow(() -> new NotFoundException("customer.notFound", customer)));
		return "sheet/row :: row(row=${row})";
	}

	@PostMapping("/ratings")
	String rateAll(@RequestParam(name = "ids", required = false) @Nullable List<Long> ids, @RequestParam String target,
			@RequestParam(required = false) @Nullable String returnTo, @AuthenticationPrincipal PortfolioUser user,
			RedirectAttributes redirect) {
		int bar = target.lastIndexOf('|');
		if (bar < 0) {
			throw new InvalidInputException(List.of(new RuleViolation("target", "sheet.bulk.noTarget")));
		}
		try {
			int count = this.editing.rateAll((ids != null) ? ids : List.of(), target.substring(0, bar),
					target.substring(bar + 1), user.getUsername());
			redirect.addFlashAttribute("notice", "sheet.bulk.done");
			redirect.addFlashAttribute("noticeArguments", new Object[] { count });
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("error", ex.violations().get(0).code());
			redirect.addFlashAttribute("errorArguments", ex.violations().get(0).arguments());
		}
		return "redirect:/portfolio" + safeQuery(returnTo);
	}

	@GetMapping("/export")
	void export(@RequestParam MultiValueMap<String, String> parameters,
			@RequestParam(defaultValue = "xlsx") String format, @RequestParam(defaultValue = ";") String separator,
			HttpServletResponse response) throws IOException {
		SheetColumns.Catalogue catalogue = this.sheet.catalogue();
		SheetQuery query = SheetQuery.parse(view(parameters), catalogue);
		Language language = Language.of(LocaleContextHolder.getLocale());
		write(this.export, query, catalogue, language, format, separator, response);
	}

	static void write(SheetExport export, SheetQuery query, SheetColumns.Catalogue catalogue, Language language,
			String format, String separator, HttpServletResponse response) throws IOException {
		boolean xlsx = "xlsx".equalsIgnoreCase(format);
		if (!xlsx && !"csv".equalsIgnoreCase(format)) {
			throw new InvalidInputException(List.of(new RuleViolation("format", "sheet.export.format", format)));
		}
		if (!xlsx && !";".equals(separator) && !",".equals(separator)) {
			throw new InvalidInputException(
					List.of(new RuleViolation("separator", "sheet.export.separator", separator)));
		}
		String name = "portfolio-" + LocalDate.now() + (xlsx ? ".xlsx" : ".csv");
		response.setContentType(
				xlsx ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv;charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"; filename*=UTF-8''"
				+ URLEncoder.encode(name, StandardCharsets.UTF_8));
		if (xlsx) {
			export.xlsx(query, catalogue, language, response.getOutputStream());
		}
		else {
			export.csv(query, catalogue, language, separator.charAt(0), response.getOutputStream());
		}
	}

	@GetMapping("/import")
	String importStart() {
		return "sheet/import";
	}

	@PostMapping("/import")
	String upload(@RequestParam("file") MultipartFile file, @AuthenticationPrincipal PortfolioUser user,
			RedirectAttributes redirect, Model model) throws IOException {
		String name = fileName(file.getOriginalFilename());
		if (file.isEmpty()) {
			redirect.addFlashAttribute("error", "import.file.empty");
			redirect.addFlashAttribute("errorArguments", new Object[] { name });
			return "redirect:/portfolio/import";
		}
		if (file.getSize() > this.maxUploadBytes) {
			redirect.addFlashAttribute("error", "sheet.import.tooLarge");
			redirect.addFlashAttribute("errorArguments", new Object[] { name, this.maxUploadBytes / 1024 / 1024 });
			return "redirect:/portfolio/import";
		}
		String token;
		try (InputStream content = file.getInputStream()) {
			token = this.files.store(content, name, user.getUsername());
		}
		return "redirect:/portfolio/import/" + token;
	}

	@GetMapping("/import/{token}")
	String preview(@PathVariable String token, @AuthenticationPrincipal PortfolioUser user, Model model,
			RedirectAttributes redirect) {
		Path path = file(token, user);
		try {
			model.addAttribute("preview",
					this.imports.preview(path, this.files.name(token), Language.of(LocaleContextHolder.getLocale())));
			model.addAttribute("token", token);
			return "sheet/import-preview";
		}
		catch (FileRefusedException ex) {
			this.files.delete(token);
			redirect.addFlashAttribute("error", ex.code());
			redirect.addFlashAttribute("errorArguments", ex.arguments());
			return "redirect:/portfolio/import";
		}
	}

	@PostMapping("/import/{token}")
	String commit(@PathVariable String token, @AuthenticationPrincipal PortfolioUser user, Model model,
			RedirectAttributes redirect) {
		Path path = file(token, user);
		try {
			SheetImport.Preview result = this.imports.commit(path, this.files.name(token),
					Language.of(LocaleContextHolder.getLocale()), user.getUsername());
			if (!result.acceptable()) {
				model.addAttribute("preview", result);
				model.addAttribute("token", token);
				return "sheet/import-preview";
			}
			this.files.delete(token);
			redirect.addFlashAttribute("notice", "sheet.import.done");
			redirect.addFlashAttribute("noticeArguments",
					new Object[] { result.changes().size(), result.customersChanged(), result.conflicts().size() });
			return "redirect:/portfolio";
		}
		catch (EditConflictException ex) {
			redirect.addFlashAttribute("error", "sheet.import.changedMeanwhile");
			return "redirect:/portfolio/import/" + token;
		}
		catch (FileRefusedException ex) {
			this.files.delete(token);
			redirect.addFlashAttribute("error", ex.code());
			redirect.addFlashAttribute("errorArguments", ex.arguments());
			return "redirect:/portfolio/import";
		}
	}

	private Path file(String token, PortfolioUser user) {
		return this.files.find(token, user.getUsername())
			.orElseThrow(() -> new NotFoundException("import.file.gone", token));
	}

	/** The view parameters of a request (without the ones an action adds). */
	private static MultiValueMap<String, String> view(MultiValueMap<String, String> parameters) {
		MultiValueMap<String, String> view = new LinkedMultiValueMap<>(parameters);
		List.of("customer", "column", "level", "seen", "format", "separator", "_csrf").forEach(view::remove);
		return view;
	}

	/**
	 * The last part of the name the browser sent, without control characters, for
	 * messages only: never used as a path (a name such as {@code "/"} or one with a NUL
	 * byte is not even a valid one).
	 */
	static String fileName(@Nullable String original) {
		if (original == null) {
			return "sheet";
		}
		String name = original.substring(Math.max(original.lastIndexOf('/'), original.lastIndexOf('\\')) + 1)
			.replaceAll("\\p{Cntrl}", "")
			.strip();
		return name.isEmpty() ? "sheet" : (name.length() > 200) ? name.substring(0, 200) : name;
	}

	/** A query string to return to, only when it is one (never another address). */
	private static String safeQuery(@Nullable String returnTo) {
		if (returnTo == null || returnTo.isBlank() || returnTo.length() > 8000 || returnTo.contains("/")
				|| returnTo.contains("\\") || returnTo.contains("\r") || returnTo.contains("\n")) {
			return "";
		}
		return "?" + returnTo;
	}

	/** Links of the page, each keeping the rest of the view. */
	public record Links(SheetQuery query) {

		public String sort(String key) {
			return "/portfolio?" + this.query.sortedOn(key).toQueryString();
		}

		public String page(int page) {
			return "/portfolio?" + this.query.withPage(page).toQueryString();
		}

		public String view() {
			return this.query.viewQueryString();
		}

	}

}
