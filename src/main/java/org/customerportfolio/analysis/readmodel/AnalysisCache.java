package org.customerportfolio.analysis.readmodel;

import org.customerportfolio.shared.DataChanges;
import org.customerportfolio.shared.ResultCache;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The analyses' results and the customer profiles they share, kept until the data
 * changes.
 */
@Component
class AnalysisCache extends ResultCache {

	AnalysisCache(DataChanges changes, @Value("${portfolio.analysis.cache-customers:400000}") long budget) {
		super(changes, budget);
	}

}
