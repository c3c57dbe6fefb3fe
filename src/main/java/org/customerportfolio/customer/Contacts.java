package org.customerportfolio.customer;

import java.util.List;

import org.springframework.data.repository.ListCrudRepository;

/**
 * All contacts of all customers.
 */
interface Contacts extends ListCrudRepository<Contact, Long> {

	List<Contact> findByCustomerIdAndArchivedFalseOrderByName(long customerId);

}
