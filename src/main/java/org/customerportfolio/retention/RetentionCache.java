package org.customerportfolio.retention;

import org.customerportfolio.shared.DataChanges;
import org.customerportfolio.shared.ResultCache;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The whole portfolio's warnings and retention, kept until the data changes: the
 * dashboard asks for both on every visit.
 */
@Component
class RetentionCache extends ResultCache {

	RetentionCache(DataChanges changes, @Value("${portfolio.retention.cache-customers:200000}") long budget) {
		super(changes, budget);
	}

}
