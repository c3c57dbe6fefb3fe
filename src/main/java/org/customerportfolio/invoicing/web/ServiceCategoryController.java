package org.customerportfolio.invoicing.web;

import java.util.List;

import org.customerportfolio.invoicing.ServiceCategoryCatalogue;
import org.customerportfolio.shared.LabelledListPages;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Administrators keep the list of service categories: add, relabel, reorder, retire.
 */
@Controller
@RequestMapping("/admin/service-categories")
class ServiceCategoryController extends LabelledListPages {

	private static final Texts TEXTS = new Texts("/admin/service-categories", "serviceCategories.title",
			"serviceCategories.help", "serviceCategories.add", "serviceCategory.added", "serviceCategory.saved");

	private final ServiceCategoryCatalogue catalogue;

	ServiceCategoryController(ServiceCategoryCatalogue catalogue) {
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
