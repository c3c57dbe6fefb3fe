package org.customerportfolio.evaluation;

import java.util.List;

import org.springframework.data.repository.ListCrudRepository;

/**
 * All evaluations of all customers.
 */
interface Evaluations extends ListCrudRepository<Evaluation, Long> {

	List<Evaluation> findByCustomerIdOrderByEvaluatedAtDescIdDesc(long customerId);

}
