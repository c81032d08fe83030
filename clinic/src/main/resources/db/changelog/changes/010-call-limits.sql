--liquibase formatted sql

--changeset sofia:010-call-limits
-- How long one call with Sofia may last and how many calls she answers at once for the practice.
-- Sofia ends a call politely at the limit; livekit-sip ends it a minute later if anything hangs
-- (the practice's inbound trunks carry the limit plus that minute, see docs/telephony.md).
alter table practice
    add column max_call_minutes integer not null default 15
        constraint practice_max_call_minutes_check check (max_call_minutes between 1 and 120),
    add column max_concurrent_calls integer not null default 10
        constraint practice_max_concurrent_calls_check check (max_concurrent_calls between 1 and 500);

--rollback alter table practice drop column max_concurrent_calls, drop column max_call_minutes;
