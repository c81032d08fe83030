--liquibase formatted sql

--changeset sofia:001-practice
-- One deployment serves one practice, so the practice is a single row.
create table practice (
    id                   smallint primary key default 1 check (id = 1),
    name                 text not null check (length(name) between 1 and 200),
    street               text not null default '',
    postal_code          text not null default '',
    city                 text not null default '',
    country              char(2) not null default 'DE',
    phone                text not null check (phone ~ '^\+[1-9][0-9]{6,14}$'),
    time_zone            text not null default 'Europe/Berlin',
    languages            text[] not null default '{de}' check (languages <@ array['de', 'en', 'ru']::text[] and cardinality(languages) > 0),
    transfer_main        text check (transfer_main ~ '^\+[1-9][0-9]{6,14}$'),
    transfer_emergency   text check (transfer_emergency ~ '^\+[1-9][0-9]{6,14}$'),
    slot_interval_minutes integer not null default 15 check (slot_interval_minutes between 5 and 120),
    hold_ttl_seconds     integer not null default 300 check (hold_ttl_seconds between 30 and 3600),
    updated_at           timestamptz not null default now()
);

create table opening_hours (
    day_of_week smallint not null check (day_of_week between 1 and 7),
    opens       time not null,
    closes      time not null,
    primary key (day_of_week, opens),
    check (closes > opens)
);

-- Dentists and hygienists: everyone a patient can be booked with.
create table doctors (
    id           uuid primary key,
    display_name text not null check (length(display_name) between 1 and 200),
    role         text not null check (role in ('dentist', 'hygienist')),
    active       boolean not null default true,
    created_at   timestamptz not null default now()
);

-- Treatment rooms / chairs; an appointment type may need one of a set of chairs.
create table chairs (
    id     uuid primary key,
    name   text not null unique check (length(name) between 1 and 100),
    active boolean not null default true
);

create table appointment_types (
    id                   uuid primary key,
    code                 text not null unique check (code ~ '^[a-z][a-z0-9_-]{1,39}$'),
    name_de              text not null,
    name_en              text not null,
    name_ru              text not null,
    duration_minutes     integer not null check (duration_minutes between 5 and 480),
    buffer_minutes       integer not null default 0 check (buffer_minutes between 0 and 120),
    new_patients_allowed boolean not null default true,
    emergency            boolean not null default false,
    min_notice_minutes   integer not null default 60 check (min_notice_minutes between 0 and 43200),
    horizon_days         integer not null default 90 check (horizon_days between 1 and 730),
    active               boolean not null default true
);

create table appointment_type_doctors (
    type_id   uuid not null references appointment_types (id) on delete cascade,
    doctor_id uuid not null references doctors (id) on delete cascade,
    primary key (type_id, doctor_id)
);

create table appointment_type_chairs (
    type_id  uuid not null references appointment_types (id) on delete cascade,
    chair_id uuid not null references chairs (id) on delete cascade,
    primary key (type_id, chair_id)
);

--rollback drop table appointment_type_chairs;
--rollback drop table appointment_type_doctors;
--rollback drop table appointment_types;
--rollback drop table chairs;
--rollback drop table doctors;
--rollback drop table opening_hours;
--rollback drop table practice;
