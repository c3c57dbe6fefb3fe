-- Each invoiced customer's money figures, derived from revenue_month and rebuilt after every import and each month
-- (they move with the date): the current (fiscal) year to date, the year before as a whole and up to the same day,
-- margin, the 12-month projection, and revenue in the last 12 complete months and the 12 before (for the sheet
-- and the early warnings).
create table customer_figures (
    customer_id              bigint         not null primary key references customer (id),
    basis_date               date           not null,
    revenue_this_year        numeric(19, 2) not null,
    revenue_last_year        numeric(19, 2) not null,
    revenue_last_year_to_date numeric(19, 2) not null,
    revenue_change           numeric(19, 2),
    revenue_change_percent   numeric(9, 1),
    margin_this_year         numeric(19, 2),
    margin_percent           numeric(9, 1),
    projection               numeric(19, 2),
    projection_error         numeric(9, 1),
    trailing_twelve          numeric(19, 2) not null,
    previous_twelve          numeric(19, 2) not null
);

create index customer_figures_this_year on customer_figures (revenue_this_year);
create index customer_figures_last_year on customer_figures (revenue_last_year);
create index customer_figures_trailing on customer_figures (trailing_twelve);

-- Each user's sheet layout: the grid's query (columns, order, sort, filters, grouping, frozen name column).
create table sheet_layout (
    user_id    bigint        not null primary key references app_user (id),
    query      varchar(8000) not null,
    updated_at timestamp with time zone not null
);

create index customer_updated_at on customer (updated_at);
create index customer_level_code on customer_level (criterion_id, level_code);
