package org.customerportfolio.customer;

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
 * The configurable list of business types: administrators add types, relabel and reorder
 * them, and retire the ones no longer offered. A type is never deleted, so customers that
 * have one keep it.
 */
@Service
@Transactional
public class BusinessTypeCatalogue {

	static final String BUSINESS_TYPE = "BUSINESS_TYPE";

	private final BusinessTypes types;

	private final AuditLog audit;

	BusinessTypeCatalogue(BusinessTypes types, AuditLog audit) {
		this.types = types;
		this.audit = audit;
	}

	@Transactional(readOnly = true)
	public List<BusinessType> all() {
		return this.types.findAllByOrderByPosition();
	}

	public BusinessType add(String code, String labelNl, String labelEn, String actor) {
		String tidyCode = (code == null) ? "" : code.strip();
		LabelledList
			.failIfAny(LabelledList.checkNew(tidyCode, this.types.findByCode(tidyCode).isPresent(), labelNl, labelEn));
		int position = this.types.findAllByOrderByPosition().stream().mapToInt(BusinessType::position).max().orElse(0)
				+ 1;
		BusinessType type = this.types
			.save(new BusinessType(null, null, tidyCode, labelNl.strip(), labelEn.strip(), position, true));
		this.audit.recordChanges(subject(type, actor), "CREATED", Map.of(), snapshot(type));
		return type;
	}

	public BusinessType update(long id, long version, String labelNl, String labelEn, int position, boolean active,
			String actor) {
		BusinessType current = this.types.findById(id)
			.orElseThrow(() -> new NotFoundException("businessType.notFound", id));
		if (current.version() != version) {
			throw new EditConflictException(current.version(), List.of());
		}
		LabelledList.failIfAny(LabelledList.checkLabels(labelNl, labelEn));
		BusinessType changed = this.types.save(new BusinessType(current.id(), current.version(), current.code(),
				labelNl.strip(), labelEn.strip(), position, active));
		this.audit.recordChanges(subject(changed, actor), "UPDATED", snapshot(current), snapshot(changed));
		return changed;
	}

	private static Subject subject(BusinessType type, String actor) {
		return new Subject(BUSINESS_TYPE, type.id(), type.version(), null, actor);
	}

	private static Map<String, String> snapshot(BusinessType type) {
		Map<String, String> values = new LinkedHashMap<>();
		values.put("businessType.labelNl", type.labelNl());
		values.put("businessType.labelEn", type.labelEn());
		values.put("businessType.position", String.valueOf(type.position()));
		values.put("businessType.active", String.valueOf(type.active()));
		return values;
	}

}
