package org.customerportfolio.customer;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

/**
 * The configured business types.
 */
interface BusinessTypes extends ListCrudRepository<BusinessType, Long> {

	List<BusinessType> findAllByOrderByPosition();

	Optional<BusinessType> findByCode(String code);

}
