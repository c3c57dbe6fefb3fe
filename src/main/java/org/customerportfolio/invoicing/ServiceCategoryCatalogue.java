package org.customerportfolio.invoicing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.customerportfolio.audit.AuditLog;
import org.customerportfolio.audit.AuditLog.Subject;
import org.customerportfolio.shared.EditConflictException;
import org.customerportfolio.shared.LabelledList;
import org.customerportfolio.shared.NotFoundException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The configurable list of service categories: administrators add, relabel, reorder and
 * retire them; imports add the ones they meet.
 */
@Service
@Transactional
public class ServiceCategoryCatalogue {

	static final String SERVICE_CATEGORY = "SERVICE_CATEGORY";

	private final ServiceCategories categories;

	private final AuditLog audit;

	ServiceCategoryCatalogue(ServiceCategories categories, AuditLog audit) {
		this.categories = categories;
		this.audit = audit;
	}

	@Transactional(readOnly = true)
	public List<ServiceCategory> all() {
		return this.categories.findAllByOrderByPosition();
	}

	public ServiceCategory add(String code, String labelNl, String labelEn, String actor) {
		String tidy = (code == null) ? "" : code.strip();
		LabelledList
			.failIfAny(LabelledList.checkNew(tidy, this.categories.findByCode(tidy).isPresent(), labelNl, labelEn));
		int position = all().stream().mapToInt(ServiceCategory::position).max().orElse(0) + 1;
		ServiceCategory category = this.categories
			.save(new ServiceCategory(null, null, tidy, labelNl.strip(), labelEn.strip(), position, true));
		this.audit.recordChanges(subject(category, actor), "CREATED", Map.of(), snapshot(category));
		return category;
	}

	public ServiceCategory update(long id, long version, String labelNl, String labelEn, int position, boolean active,
			String actor) {
		ServiceCategory current = this.categories.findById(id)
			.orElseThrow(() -> new NotFoundException("serviceCategory.notFound", id));
		if (current.version() != version) {
			throw new EditConflictException(current.version(), List.of());
		}
		LabelledList.failIfAny(LabelledList.checkLabels(labelNl, labelEn));
		ServiceCategory changed = this.categories.save(new ServiceCategory(current.id(), current.version(),
				current.code(), labelNl.strip(), labelEn.strip(), position, active));
		this.audit.recordChanges(subject(changed, actor), "UPDATED", snapshot(current), snapshot(changed));
		return changed;
	}

	private static Subject subject(ServiceCategory category, String actor) {
		return new Subject(SERVICE_CATEGORY, category.id(), category.version(), null, actor);
	}

	private static Map<String, String> snapshot(ServiceCategory category) {
		Map<String, String> values = new LinkedHashMap<>();
		values.put("serviceCategory.labelNl", category.labelNl());
		values.put("serviceCategory.labelEn", category.labelEn());
		values.put("serviceCategory.position", String.valueOf(category.position()));
		values.put("serviceCategory.active", String.valueOf(category.active()));
		return values;
	}

}
