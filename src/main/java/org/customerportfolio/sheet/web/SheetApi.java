package org.customerportfolio.sheet.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.customerportfolio.account.PortfolioUser;
import org.customerportfolio.exchange.FileRefusedException;
import org.customerportfolio.exchange.RowProblem;
import org.customerportfolio.invoicing.ImportFiles;
import org.customerportfolio.sheet.PortfolioSheet;
import org.customerportfolio.sheet.SheetCells;
import org.customerportfolio.sheet.SheetColumn;
import org.customerportfolio.sheet.SheetColumns;
import org.customerportfolio.sheet.SheetExport;
import org.customerportfolio.sheet.SheetImport;
import org.customerportfolio.sheet.SheetQuery;
import org.customerportfolio.sheet.SheetRow;
import org.customerportfolio.shared.EditConflictException;
import org.customerportfolio.shared.Language;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The portfolio sheet for integrations: the grid's rows with the grid's parameters, the
 * export of a view, and the import of an edited sheet (with a dry run that answers the
 * preview).
 */
@RestController
@RequestMapping(path = "/api/v1/portfolio", produces = "application/json")
@Tag(name = "Portfolio sheet", description = "Every customer in one grid; export and import of the sheet")
class SheetApi {

	private static final String PARAMETERS = "Parameters as on the page: columns=key,key,… (see columns in the "
			+ "answer; criteria are criterion.<key>), sort=key[,asc|desc], f.<key>=filter (text: contains; coded "
			+ "columns: codes separated by commas, - for none; numbers and dates: min..max), group=key, page, size "
			+ "(at most 200).";

	private final PortfolioSheet sheet;

	private final SheetExport export;

	private final SheetImport imports;

	private final SheetCells cells;

	private final ImportFiles files;

	private final MessageSource messages;

	private final long maxUploadBytes;

	SheetApi(PortfolioSheet sheet, SheetExport export, SheetImport imports, SheetCells cells, ImportFiles files,
			MessageSource messages,
			@org.springframework.beans.factory.annotation.Value("${portfolio.sheet.max-upload-mb:20}") long maxUploadMb) {
		this.sheet = sheet;
		this.export = export;
		this.imports = imports;
		this.cells = cells;
		this.files = files;
		this.messages = messages;
		this.maxUploadBytes = maxUploadMb * 1024 * 1024;
	}

	@GetMapping
	@Operation(summary = "A page of the sheet", description = PARAMETERS)
	SheetResponse rows(@RequestParam MultiValueMap<String, String> parameters) {
		SheetColumns.Catalogue catalogue = this.sheet.catalogue();
		SheetQuery query = SheetQuery.parse(parameters, catalogue);
		PortfolioSheet.SheetPage page = this.sheet.page(query, catalogue);
		Language language = Language.of(LocaleContextHolder.getLocale());
		List<SheetColumn> visible = query.columns().stream().map((key) -> catalogue.column(key).orElseThrow()).toList();
		List<ColumnResponse> columns = catalogue.columns()
			.stream()
			.map((column) -> new ColumnResponse(column.key(), column.label(language), column.type().name(),
					query.columns().contains(column.key()), column.sortable(), column.groupable(),
					column.choices()
						.stream()
						.map((choice) -> new ChoiceResponse(choice.code(), choice.label(language)))
						.toList()))
			.toList();
		List<RowResponse> rows = page.rows().content().stream().map((row) -> row(row, visible, language)).toList();
		List<GroupResponse> groups = new ArrayList<>();
		SheetColumn group = (query.group() != null) ? catalogue.column(query.group()).orElseThrow() : null;
		page.groups()
			.forEach((code,
					total) -> groups.add(new GroupResponse(code.isEmpty() ? null : code,
							(group != null && !code.isEmpty()) ? group.label(code, language) : null, total.count(),
							total.totals())));
		return new SheetResponse(columns, rows, groups, page.rows().page(), page.rows().size(),
				page.rows().totalElements(), page.rows().totalPages());
	}

	private RowResponse row(SheetRow row, List<SheetColumn> visible, Language language) {
		Map<String, @Nullable Object> values = new LinkedHashMap<>();
		Map<String, String> labels = new LinkedHashMap<>();
		for (SheetColumn column : visible) {
			Object value = (column.key().equals("tags")) ? row.tags() : row.value(column.key());
			values.put(column.key(), (value instanceof Instant instant) ? instant.toString() : value);
			if (column.type().name().equals("CHOICE") || column.type().name().startsWith("LEVEL")) {
				labels.put(column.key(), this.cells.text(column, row));
			}
		}
		return new RowResponse(row.id(), row.revision(), values, labels);
	}

	@GetMapping(path = "/export",
			produces = { "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "text/csv",
					"application/json" })
	@Operation(summary = "Export a view of the sheet",
			description = "format=xlsx|csv, separator=; or , (CSV). Every row of the view, not only one page. "
					+ PARAMETERS)
	void export(@RequestParam MultiValueMap<String, String> parameters,
			@RequestParam(defaultValue = "xlsx") String format, @RequestParam(defaultValue = ";") String separator,
			HttpServletResponse response) throws IOException {
		SheetColumns.Catalogue catalogue = this.sheet.catalogue();
		MultiValueMap<String, String> view = new LinkedMultiValueMap<>(parameters);
		view.remove("format");
		view.remove("separator");
		SheetController.write(this.export, SheetQuery.parse(view, catalogue), catalogue,
				Language.of(LocaleContextHolder.getLocale()), format, separator, response);
	}

	@PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Import an edited sheet",
			description = "multipart: file (an XLSX or CSV exported from the sheet). dryRun=true answers the preview "
					+ "and saves nothing. Rows changed since the export are reported as conflicts and not applied; a "
					+ "file with problems imports nothing (422).")
	ResponseEntity<ImportResponse> importSheet(@RequestParam("file") MultipartFile file,
			@RequestParam(defaultValue = "false") boolean dryRun, @AuthenticationPrincipal PortfolioUser user)
			throws IOException {
		String name = SheetController.fileName(file.getOriginalFilename());
		if (file.getSize() > this.maxUploadBytes) {
			return refused(HttpStatus.PAYLOAD_TOO_LARGE, "sheet.import.tooLarge", name,
					this.maxUploadBytes / 1024 / 1024);
		}
		String token;
		try (InputStream content = file.getInputStream()) {
			token = this.files.store(content, name, user.getUsername());
		}
		Path path = this.files.find(token).orElseThrow();
		Language language = Language.of(LocaleContextHolder.getLocale());
		try {
			SheetImport.Preview preview = dryRun ? this.imports.preview(path, name, language)
					: this.imports.commit(path, name, language, user.getUsername());
			ImportResponse answer = response(preview, !dryRun && preview.acceptable());
			return preview.acceptable() ? ResponseEntity.ok(answer)
					: ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(answer);
		}
		catch (FileRefusedException ex) {
			return refused(HttpStatus.BAD_REQUEST, ex.code(), ex.arguments());
		}
		catch (EditConflictException ex) {
			return refused(HttpStatus.CONFLICT, "sheet.import.changedMeanwhile");
		}
		finally {
			this.files.delete(token);
		}
	}

	private ResponseEntity<ImportResponse> refused(HttpStatus status, String code, Object... arguments) {
		return ResponseEntity.status(status)
			.body(new ImportResponse(false, 0, List.of(), List.of(), List.of(), List.of(),
					List.of(new ProblemResponse(null, null, null, code, message(code, arguments)))));
	}

	private ImportResponse response(SheetImport.Preview preview, boolean imported) {
		return new ImportResponse(imported, preview.rows(), preview.changes(), preview.conflicts(),
				preview.ignoredColumns(), preview.readOnlyColumns(),
				preview.problems().stream().map(this::problem).toList());
	}

	private ProblemResponse problem(RowProblem problem) {
		return new ProblemResponse(problem.row(), problem.column(), problem.value(), problem.code(),
				message(problem.code(), problem.arguments()));
	}

	private String message(String code, Object... arguments) {
		return this.messages.getMessage(code, arguments, code, LocaleContextHolder.getLocale());
	}

	record SheetResponse(List<ColumnResponse> columns, List<RowResponse> rows, List<GroupResponse> groups, int page,
			int size, long totalElements, int totalPages) {
	}

	record ColumnResponse(String key, String label, String type, boolean shown, boolean sortable, boolean groupable,
			List<ChoiceResponse> choices) {
	}

	record ChoiceResponse(String code, String label) {
	}

	record RowResponse(long id, String revision, Map<String, @Nullable Object> values, Map<String, String> labels) {
	}

	record GroupResponse(@Nullable String value, @Nullable String label, long count,
			Map<String, java.math.@Nullable BigDecimal> totals) {
	}

	record ImportResponse(boolean imported, long rows, List<SheetImport.Change> changes,
			List<SheetImport.Conflict> conflicts, List<String> ignoredColumns, List<String> readOnlyColumns,
			List<ProblemResponse> problems) {
	}

	record ProblemResponse(@Nullable Long row, @Nullable String column, @Nullable String value, String code,
			String message) {
	}

}
