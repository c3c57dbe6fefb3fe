package org.customerportfolio.customer;

import java.util.List;

import org.springframework.data.repository.ListCrudRepository;

/**
 * All team members of all customers.
 */
interface TeamMembers extends ListCrudRepository<TeamMember, Long> {

	List<TeamMember> findByCustomerIdAndArchivedFalseOrderById(long customerId);

}
