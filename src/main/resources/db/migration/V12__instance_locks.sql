-- Rows that instances sharing one database lock to take turns: 'invoice_import' for the whole transaction of an
-- invoice import (its counter tells an import whether another one committed while it was being checked), and
-- 'read_model_build' for the builds of read models at start-up (the second instance finds them built).
create table instance_lock (
    name    varchar(50) not null primary key,
    counter bigint      not null default 0
);

insert into instance_lock (name, counter) values ('invoice_import', 0), ('read_model_build', 0);
