package org.customerportfolio.invoicing;

import org.customerportfolio.exchange.RowProblem;
import java.util.List;

/**
 * An import that found problems: nothing was saved. The preview tells what was read and
 * what is wrong.
 */
public class ImportRefusedException extends RuntimeException {

	private final ImportPreview preview;

	ImportRefusedException(ImportPreview preview) {
		super("import refused: " + preview.problemCount() + " problems");
		this.preview = preview;
	}

	public ImportPreview preview() {
		return this.preview;
	}

	public List<RowProblem> problems() {
		return this.preview.problems();
	}

}
