package org.customerportfolio.account;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

/**
 * All users.
 */
interface Users extends ListCrudRepository<UserAccount, Long> {

	Optional<UserAccount> findByUsername(String username);

	List<UserAccount> findAllByOrderByUsername();

}
