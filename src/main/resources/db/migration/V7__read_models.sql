-- Read models that the portfolio sheet and the analyses read instead of the raw history: one row per customer
-- and year of invoiced figures, one row per customer with its current scores, one row per customer and
-- criterion with its current answer. They are derived data, rebuilt from invoice_line, evaluation and the
-- criteria whenever those change, and never edited directly.
create table revenue_year (
    customer_id         bigint         not null references customer (id),
    fiscal_year         integer        not null,
    revenue             numeric(19, 4) not null,
    margin              numeric(19, 4),
    revenue_with_margin numeric(19, 4) not null,
    lines               integer        not null,
    constraint revenue_year_pk primary key (customer_id, fiscal_year)
);

create index revenue_year_year on revenue_year (fiscal_year, revenue);

-- Which fiscal year start revenue_year was built with; a different configured start rebuilds it.
create table read_model_basis (
    name    varchar(50)  not null primary key,
    setting varchar(100) not null
);

create table customer_standing (
    customer_id           bigint        not null primary key references customer (id),
    evaluation_id         bigint references evaluation (id),
    evaluated_at          timestamp with time zone,
    evaluated_by          varchar(100),
    attractiveness        numeric(5, 1),
    relationship_strength numeric(5, 1),
    rated_criteria        integer       not null,
    profitability_from_margins boolean  not null default false
);

create index customer_standing_attractiveness on customer_standing (attractiveness);
create index customer_standing_relationship on customer_standing (relationship_strength);
create index customer_standing_evaluated_at on customer_standing (evaluated_at);

-- level_code: the one level of an ordinal or single-choice answer (for several levels: the first);
-- level_codes: all chosen levels as ",a,b," so that "has level b" is a like '%,b,%';
-- level_position: the level's place in its criterion's current order (1 = best), for sorting;
-- level_score: its score 0–100 as the scorecard counts it (numbers too), null when not scored.
create table customer_level (
    customer_id    bigint not null references customer (id),
    criterion_id   bigint not null references criterion (id),
    level_code     varchar(50),
    level_codes    varchar(2000),
    level_position integer,
    level_score    integer,
    number_value   numeric(18, 4),
    text_value     varchar(4000),
    constraint customer_level_pk primary key (customer_id, criterion_id)
);

create index customer_level_sort on customer_level (criterion_id, level_position, customer_id);

-- The relationship plan's strategy per customer (develop, maintain, improve, end); the plan grows with goals,
-- actions and decisions in later migrations.
create table relationship_plan (
    customer_id bigint                   not null primary key references customer (id),
    strategy    varchar(20),
    updated_at  timestamp with time zone not null,
    updated_by  varchar(100)             not null,
    version     bigint                   not null,
    constraint relationship_plan_strategy_check check (strategy in ('DEVELOP', 'MAINTAIN', 'IMPROVE', 'END'))
);

create index relationship_plan_strategy on relationship_plan (strategy);
