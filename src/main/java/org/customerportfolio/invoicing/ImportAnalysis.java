package org.customerportfolio.invoicing;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What a file turned out to be, and the reading the import proposes: the columns it
 * recognised, the date orders the data allows (one when it decides, several when the user
 * must choose) and the decimal mark.
 */
public record ImportAnalysis(String fileName, String kind, String charset, String separator, List<String> header,
		Map<InvoiceField, String> suggestedColumns, List<String> dateCandidates, @Nullable DecimalMark decimalMark) {

	public ImportAnalysis {
		header = List.copyOf(header);
		suggestedColumns = Map.copyOf(suggestedColumns);
		dateCandidates = List.copyOf(dateCandidates);
	}

}
