package org.customerportfolio.invoicing;

import java.nio.charset.Charset;
import java.time.Duration;

import org.customerportfolio.IntegrationTest;
import org.customerportfolio.TestUsers;
import org.customerportfolio.account.AccountManagement;
import org.customerportfolio.account.Role;
import org.customerportfolio.account.UserSummary;
import org.customerportfolio.shared.Language;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The import as a user goes through the pages: upload, columns found from Dutch headers,
 * a preview that lists problems precisely, a fix, the import in the background with its
 * progress, and a saved column mapping.
 */
@IntegrationTest
class InvoiceImportPagesIntegrationTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private AccountManagement accounts;

	@Autowired
	private UserDetailsService userDetails;

	@Autowired
	private InvoiceImport imports;

	@Autowired
	private ColumnMappings mappings;

	@Test
	void uploadPreviewAndImportAFileFromTheBrowser() throws Exception {
		UserSummary editor = TestUsers.create(this.accounts, Role.EDITOR, Language.NL);
		String ref = "PG-" + System.nanoTime() % 1000000;
		String csv = """
				Klantnummer;Klantnaam;Factuurnummer;Factuurdatum;Omzetgroep;Bedrag
				%1$s;Café de Zwaan;%1$s-1;03-01-2026;Advies;1.250,50
				%1$s;Café de Zwaan;%1$s-2;31-02-2026;Advies;12,34,5
				""".formatted(ref);

		String location = this.mvc
			.perform(multipart("/imports/invoices").file(new MockMultipartFile("file", "export.csv", "text/csv",
					csv.getBytes(Charset.forName("windows-1252"))))
				.with(page(editor))
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		UserSummary colleague = TestUsers.create(this.accounts, Role.EDITOR);
		this.mvc.perform(get(location).with(page(colleague))).andExpect(status().isNotFound());
		this.mvc.perform(get(location).with(page(editor)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("windows-1252"),
					containsString("<option value=\"Factuurnummer\" selected=\"selected\">Factuurnummer</option>"))));

		this.mvc.perform(post(location + "/preview").with(page(editor)).with(csrf()).params(mapping()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"problems\""), containsString("31-02-2026"),
					containsString("Dit is geen datum in het formaat dd-mm-yyyy."), containsString("12,34,5"),
					not(containsString("id=\"commit\"")))));

		String fixed = csv.replace("31-02-2026", "28-02-2026").replace("12,34,5", "12,34");
		String second = this.mvc
			.perform(multipart("/imports/invoices").file(new MockMultipartFile("file", "export.csv", "text/csv",
					fixed.getBytes(Charset.forName("windows-1252"))))
				.with(page(editor))
				.with(csrf()))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		this.mvc.perform(post(second + "/preview").with(page(editor)).with(csrf()).params(mapping()))
			.andExpect(content().string(allOf(containsString("id=\"commit\""), containsString("1.262,84"),
					containsString("Café de Zwaan"))));
		String job = this.mvc
			.perform(post(second + "/commit").with(page(editor))
				.with(csrf())
				.params(mapping())
				.param("saveAs", "Boekhouding " + ref))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		long id = Long.parseLong(job.substring(job.lastIndexOf('/') + 1));

		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.imports.status(id).map((status) -> !status.running()).orElse(false));
		assertThat(this.imports.status(id)).hasValueSatisfying((status) -> {
			assertThat(status.status()).isEqualTo("DONE");
			assertThat(status.lines()).isEqualTo(2);
			assertThat(status.customersCreated()).isEqualTo(1);
		});
		this.mvc.perform(get(job + "/progress").with(page(editor)))
			.andExpect(content().string(allOf(containsString("geïmporteerd"), not(containsString("hx-trigger")))));
		assertThat(this.mappings.find("Boekhouding " + ref)).hasValueSatisfying((saved) -> {
			assertThat(saved.columns()).containsEntry(InvoiceField.INVOICE_NUMBER, "Factuurnummer");
			assertThat(saved.dateFormat()).isEqualTo("dd-MM-yyyy");
			assertThat(saved.decimalMark()).isEqualTo(DecimalMark.COMMA);
		});
	}

	@Test
	void viewersCannotImport() throws Exception {
		UserSummary viewer = TestUsers.create(this.accounts, Role.VIEWER);

		this.mvc.perform(get("/imports/invoices").with(page(viewer))).andExpect(status().isForbidden());
	}

	private static org.springframework.util.MultiValueMap<String, String> mapping() {
		org.springframework.util.LinkedMultiValueMap<String, String> parameters = new org.springframework.util.LinkedMultiValueMap<>();
		parameters.add("column.customerRef", "Klantnummer");
		parameters.add("column.customerName", "Klantnaam");
		parameters.add("column.invoiceNumber", "Factuurnummer");
		parameters.add("column.invoiceDate", "Factuurdatum");
		parameters.add("column.serviceCategory", "Omzetgroep");
		parameters.add("column.amount", "Bedrag");
		parameters.add("dateFormat", "dd-MM-yyyy");
		parameters.add("decimalMark", "COMMA");
		return parameters;
	}

	private RequestPostProcessor page(UserSummary user) {
		return user(this.userDetails.loadUserByUsername(user.username()));
	}

}
