--liquibase formatted sql

--changeset sofia:003-schedules
-- Weekly working hours; a doctor may have several shifts a day, each with its own breaks.
create table shifts (
    id          uuid primary key,
    doctor_id   uuid not null references doctors (id) on delete cascade,
    day_of_week smallint not null check (day_of_week between 1 and 7),
    starts      time not null,
    ends        time not null,
    valid_from  date,
    valid_until date,
    check (ends > starts),
    check (valid_until is null or valid_from is null or valid_until >= valid_from)
);
create index shifts_doctor_idx on shifts (doctor_id);

create table shift_breaks (
    id       uuid primary key,
    shift_id uuid not null references shifts (id) on delete cascade,
    starts   time not null,
    ends     time not null,
    check (ends > starts)
);
create index shift_breaks_shift_idx on shift_breaks (shift_id);

-- Date overrides replace the weekly shifts on the days they cover: a vacation (available = false)
-- or other hours such as an extra Saturday (available = true with times).
create table schedule_overrides (
    id        uuid primary key,
    doctor_id uuid not null references doctors (id) on delete cascade,
    first_day date not null,
    last_day  date not null,
    available boolean not null,
    starts    time,
    ends      time,
    note      text not null default '',
    check (last_day >= first_day),
    check ((available and starts is not null and ends is not null and ends > starts)
        or (not available and starts is null and ends is null))
);
create index schedule_overrides_doctor_idx on schedule_overrides (doctor_id, first_day);

-- Blocked time: for one doctor, one chair, or (both null) the whole practice.
create table blockouts (
    id        uuid primary key,
    doctor_id uuid references doctors (id) on delete cascade,
    chair_id  uuid references chairs (id) on delete cascade,
    starts_at timestamptz not null,
    ends_at   timestamptz not null,
    reason    text not null default '',
    check (ends_at > starts_at)
);
create index blockouts_range_idx on blockouts (starts_at, ends_at);

--rollback drop table blockouts;
--rollback drop table schedule_overrides;
--rollback drop table shift_breaks;
--rollback drop table shifts;
