package org.customerportfolio.invoicing.web;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.customerportfolio.account.PortfolioUser;
import org.customerportfolio.exchange.FileRefusedException;
import org.customerportfolio.invoicing.DecimalMark;
import org.customerportfolio.invoicing.ImportFiles;
import org.customerportfolio.invoicing.ImportPreview;
import org.customerportfolio.invoicing.ImportRefusedException;
import org.customerportfolio.invoicing.ImportResult;
import org.customerportfolio.invoicing.ImportSettings;
import org.customerportfolio.invoicing.InvoiceField;
import org.customerportfolio.invoicing.InvoiceImport;
import org.customerportfolio.exchange.RowProblem;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Invoice imports for integrations, such as an accounting system pushing its export every
 * night.
 */
@RestController
@RequestMapping(path = "/api/v1/imports", produces = "application/json")
@Tag(name = "Imports", description = "Invoice lines from CSV or XLSX, all or nothing")
class InvoiceImportApi {

	static final String COLUMN_PREFIX = "column.";

	private final InvoiceImport imports;

	private final ImportFiles files;

	private final MessageSource messages;

	InvoiceImportApi(InvoiceImport imports, ImportFiles files, MessageSource messages) {
		this.imports = imports;
		this.files = files;
		this.messages = messages;
	}

	@PostMapping(path = "/invoices", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Import invoice lines",
			description = "multipart: file; optional column.<field> parts naming the source header of a field "
					+ "(customerRef, customerName, invoiceNumber, invoiceDate, serviceCategory, amount, cost, margin, "
					+ "description); optional dateFormat (java.time pattern), decimalMark (comma|point); dryRun=true "
					+ "answers the preview and saves nothing. A file with problems imports nothing (422).")
	ResponseEntity<ImportResponse> importInvoices(@RequestParam("file") MultipartFile file,
			@RequestParam Map<String, String> parameters, @RequestParam(defaultValue = "false") boolean dryRun,
			@RequestParam(required = false) @Nullable String dateFormat,
			@RequestParam(required = false) @Nullable String decimalMark, @AuthenticationPrincipal PortfolioUser user)
			throws IOException {
		Map<InvoiceField, String> columns = new EnumMap<>(InvoiceField.class);
		for (Map.Entry<String, String> parameter : parameters.entrySet()) {
			if (parameter.getKey().startsWith(COLUMN_PREFIX)) {
				String key = parameter.getKey().substring(COLUMN_PREFIX.length());
				InvoiceField field = InvoiceField.byKey(key).orElse(null);
				if (field == null) {
					return ResponseEntity.badRequest()
						.body(ImportResponse.refused(List.of(problem(new RowProblem(null, parameter.getKey(), key,
								"import.column.field", new Object[] { key })))));
				}
				columns.put(field, parameter.getValue());
			}
		}
		DecimalMark mark = null;
		if (decimalMark != null && !decimalMark.isBlank()) {
			try {
				mark = DecimalMark.valueOf(decimalMark.strip().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				return ResponseEntity.badRequest()
					.body(ImportResponse.refused(List.of(problem(new RowProblem(null, "decimalMark", decimalMark,
							"import.decimal.invalid", new Object[0])))));
			}
		}
		ImportSettings settings = new ImportSettings(columns,
				(dateFormat != null && !dateFormat.isBlank()) ? dateFormat : null, mark);
		String name = (file.getOriginalFilename() != null) ? file.getOriginalFilename() : "upload";
		String token;
		try (InputStream content = file.getInputStream()) {
			token = this.files.store(content);
		}
		Path path = this.files.find(token).orElseThrow();
		try {
			if (dryRun) {
				ImportPreview preview = this.imports.preview(path, name, settings);
				return ResponseEntity.ok(ImportResponse.of(preview, this::problem));
			}
			ImportResult result = this.imports.commit(path, name, settings, user.getUsername());
			return ResponseEntity
				.ok(new ImportResponse(true, result.lines(), result.invoices(), result.customersCreated(),
						result.totalAmount(), null, null, List.of(), List.of(), result.importId()));
		}
		catch (ImportRefusedException ex) {
			return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT)
				.body(ImportResponse.of(ex.preview(), this::problem));
		}
		catch (FileRefusedException ex) {
			return ResponseEntity.badRequest()
				.body(ImportResponse.refused(List.of(new ProblemResponse(null, null, null, ex.code(), this.messages
					.getMessage(ex.code(), ex.arguments(), ex.code(), LocaleContextHolder.getLocale())))));
		}
		finally {
			this.files.delete(token);
		}
	}

	private ProblemResponse problem(RowProblem problem) {
		return new ProblemResponse(problem.row(), problem.column(), problem.value(), problem.code(), this.messages
			.getMessage(problem.code(), problem.arguments(), problem.code(), LocaleContextHolder.getLocale()));
	}

	record ImportResponse(boolean imported, long lines, long invoices, long customersCreated, BigDecimal totalAmount,
			@Nullable LocalDate firstDate, @Nullable LocalDate lastDate, List<String> newCustomers,
			List<ProblemResponse> problems, @Nullable Long importId) {

		static ImportResponse of(ImportPreview preview,
				java.util.function.Function<RowProblem, ProblemResponse> problem) {
			return new ImportResponse(false, preview.lines(), preview.invoices(), preview.newCustomerCount(),
					preview.totalAmount(), preview.firstDate(), preview.lastDate(), preview.newCustomers(),
					preview.problems().stream().map(problem).toList(), null);
		}

		static ImportResponse refused(List<ProblemResponse> problems) {
			return new ImportResponse(false, 0, 0, 0, BigDecimal.ZERO, null, null, List.of(), problems, null);
		}

	}

	record ProblemResponse(@Nullable Long row, @Nullable String column, @Nullable String value, String code,
			String message) {
	}

}
