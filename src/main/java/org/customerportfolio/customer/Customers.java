package org.customerportfolio.customer;

import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

/**
 * All customers, archived ones included.
 */
interface Customers extends ListCrudRepository<Customer, Long> {

	Optional<Customer> findByExternalRef(String externalRef);

}
