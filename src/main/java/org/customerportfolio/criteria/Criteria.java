package org.customerportfolio.criteria;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

/**
 * All criteria, retired ones included.
 */
interface Criteria extends ListCrudRepository<Criterion, Long> {

	List<Criterion> findAllByOrderByPosition();

	Optional<Criterion> findByCode(String code);

}
