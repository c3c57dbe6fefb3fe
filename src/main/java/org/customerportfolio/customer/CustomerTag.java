package org.customerportfolio.customer;

import org.springframework.data.relational.core.mapping.Table;

/**
 * A free label on a customer ("key account", "region north").
 */
@Table("customer_tag")
record CustomerTag(String tag) {
}
