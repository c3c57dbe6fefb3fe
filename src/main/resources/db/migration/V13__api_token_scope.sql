-- What an API token may do: READ (GET requests only) or WRITE (everything the owner's role allows).
-- Tokens issued before scopes existed keep working as they did.
alter table api_token add column scope varchar(10) default 'WRITE' not null;
alter table api_token add constraint api_token_scope_check check (scope in ('READ', 'WRITE'));
