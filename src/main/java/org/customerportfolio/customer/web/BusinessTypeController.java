package org.customerportfolio.customer.web;

import java.util.List;

import org.customerportfolio.customer.BusinessTypeCatalogue;
import org.customerportfolio.shared.LabelledListPages;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Administrators keep the list of business types: add, relabel, reorder, retire.
 */
@Controller
@RequestMapping("/admin/business-types")
class BusinessTypeController extends LabelledListPages {

	private static final Texts TEXTS = new Texts("/admin/business-types", "businessTypes.title", "businessTypes.help",
			"businessTypes.add", "businessType.added", "businessType.saved");

	private final BusinessTypeCatalogue catalogue;

	BusinessTypeController(BusinessTypeCatalogue catalogue) {
		this.catalogue = catalogue;
	}

	@Override
	protected Texts texts() {
		return TEXTS;
	}

	@Override
	protected List<?> items() {
		return this.catalogue.all();
	}

	@Override
	protected void add(String code, String labelNl, String labelEn, String actor) {
		this.catalogue.add(code, labelNl, labelEn, actor);
	}

	@Override
	protected void update(long id, long version, String labelNl, String labelEn, int position, boolean active,
			String actor) {
		this.catalogue.update(id, version, labelNl, labelEn, position, active, actor);
	}

}
