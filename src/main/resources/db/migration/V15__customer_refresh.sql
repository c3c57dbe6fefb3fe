-- The customers whose derived rows (monthly and yearly totals) one transaction rebuilds, so that it can rebuild them
-- all with one statement per table instead of one per few hundred ids. Rows live only inside that transaction: it
-- deletes its own run before it commits, so the table is empty between transactions.
create table customer_refresh (
    run_id      bigint not null,
    customer_id bigint not null,
    primary key (run_id, customer_id)
);
