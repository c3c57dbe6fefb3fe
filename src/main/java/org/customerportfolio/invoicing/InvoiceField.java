package org.customerportfolio.invoicing;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What an invoice line carries, with the column headers (Dutch and English, as accounting
 * systems write them) that map to each field automatically.
 */
public enum InvoiceField {

	CUSTOMER_REF("customerRef", false, "klantnummer", "klantnr", "klantcode", "debiteurnummer", "debiteurnr",
			"debiteur", "relatienummer", "relatiecode", "customerref", "customerreference", "customerid", "customerno",
			"customernumber", "customercode", "clientid", "clientnumber", "accountnumber"),
	CUSTOMER_NAME("customerName", false, "klantnaam", "klant", "naam", "bedrijfsnaam", "debiteurnaam", "relatie",
			"relatienaam", "customername", "customer", "companyname", "company", "client", "clientname"),
	INVOICE_NUMBER("invoiceNumber", true, "factuurnummer", "factuurnr", "factuur", "boekstuknummer", "boekstuk",
			"invoicenumber", "invoiceno", "invoicenr", "invoice", "invoiceid", "orderid", "ordernumber", "orderno",
			"documentnumber"),
	INVOICE_DATE("invoiceDate", true, "factuurdatum", "datum", "boekdatum", "invoicedate", "date", "orderdate",
			"documentdate"),
	SERVICE_CATEGORY("serviceCategory", false, "dienst", "dienstcategorie", "categorie", "omzetgroep", "productgroep",
			"omzetcategorie", "servicecategory", "service", "category", "categoryname", "productcategory"),
	AMOUNT("amount", true, "bedrag", "omzet", "nettobedrag", "nettoomzet", "bedragexbtw", "bedragexclbtw", "amount",
			"netamount", "sales", "revenue", "netrevenue", "linetotal", "total", "value"),
	COST("cost", false, "kosten", "kostprijs", "inkoopwaarde", "inkoopprijs", "cost", "costs", "costprice", "cogs"),
	MARGIN("margin", false, "marge", "brutomarge", "winst", "margin", "profit", "grossmargin", "grossprofit"),
	DESCRIPTION("description", false, "omschrijving", "beschrijving", "description", "memo", "productname", "product",
			"text");

	private final String key;

	private final boolean required;

	private final List<String> synonyms;

	InvoiceField(String key, boolean required, String... synonyms) {
		this.key = key;
		this.required = required;
		this.synonyms = List.of(synonyms);
	}

	/** The name integrations use for the field ({@code column.customerRef}). */
	public String key() {
		return this.key;
	}

	public boolean required() {
		return this.required;
	}

	public static Optional<InvoiceField> byKey(String key) {
		for (InvoiceField field : values()) {
			if (field.key.equalsIgnoreCase(key)) {
				return Optional.of(field);
			}
		}
		return Optional.empty();
	}

	/**
	 * Whether a column header names this field: letters and digits only, accents and case
	 * ignored.
	 */
	boolean matches(String header) {
		return this.synonyms.contains(normalise(header));
	}

	static String normalise(String header) {
		String plain = Normalizer.normalize(header, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
		return plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
	}

}
