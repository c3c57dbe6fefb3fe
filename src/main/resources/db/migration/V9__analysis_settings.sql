-- Settings of the analyses that administrators change: the thresholds that split the portfolio matrix into
-- quadrants (scores 0–100; at or above the threshold counts as high).
create table analysis_setting (
    name       varchar(50)              not null primary key,
    setting_value varchar(200)          not null,
    updated_at timestamp with time zone,
    updated_by varchar(100),
    version    bigint                   not null default 0
);

insert into analysis_setting (name, setting_value) values
    ('matrix.attractiveness_threshold', '50'),
    ('matrix.relationship_threshold', '50');
