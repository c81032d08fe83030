--liquibase formatted sql

--changeset sofia:002-patients
create table patients (
    id                 uuid primary key,
    first_name         text not null check (length(first_name) between 1 and 100),
    last_name          text not null check (length(last_name) between 1 and 100),
    date_of_birth      date not null,
    phone              text check (phone ~ '^\+[1-9][0-9]{6,14}$'),
    email              text check (length(email) <= 254),
    preferred_language text not null default 'de' check (preferred_language in ('de', 'en', 'ru')),
    insurance          text check (insurance in ('statutory', 'private')),
    consent_sms        boolean not null default false,
    consent_email      boolean not null default false,
    consent_call_recording boolean not null default false,
    notes              text not null default '' check (length(notes) <= 4000),
    created_at         timestamptz not null default now(),
    updated_at         timestamptz not null default now()
);

-- Caller identification looks patients up by phone, or by name and date of birth.
create index patients_phone_idx on patients (phone);
create index patients_name_dob_idx on patients (lower(last_name), date_of_birth);

--rollback drop table patients;
