package org.customerportfolio.invoicing;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

/**
 * The configured service categories.
 */
interface ServiceCategories extends ListCrudRepository<ServiceCategory, Long> {

	List<ServiceCategory> findAllByOrderByPosition();

	Optional<ServiceCategory> findByCode(String code);

}
