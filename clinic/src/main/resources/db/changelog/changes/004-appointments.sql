--liquibase formatted sql

--changeset sofia:004-btree-gist
create extension if not exists btree_gist;
--rollback drop extension if exists btree_gist;

--changeset sofia:004-appointments
create table appointments (
    id                  uuid primary key,
    patient_id          uuid not null references patients (id),
    doctor_id           uuid not null references doctors (id),
    type_id             uuid not null references appointment_types (id),
    chair_id            uuid references chairs (id),
    starts_at           timestamptz not null,
    ends_at             timestamptz not null,
    -- end plus the type's buffer: the doctor (and chair) is busy until then
    blocked_until       timestamptz not null,
    status              text not null default 'booked'
                        check (status in ('booked', 'confirmed', 'cancelled', 'completed', 'no_show')),
    source              text not null check (source in ('phone', 'web', 'staff')),
    call_session_id     uuid,
    notes               text not null default '' check (length(notes) <= 2000),
    idempotency_key     text unique check (length(idempotency_key) between 1 and 200),
    request_hash        text,
    cancellation_reason text check (length(cancellation_reason) <= 500),
    rescheduled_from    uuid references appointments (id),
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now(),
    check (ends_at > starts_at),
    check (blocked_until >= ends_at),
    check ((status = 'cancelled') = (cancellation_reason is not null)),
    -- The database itself forbids double booking, whatever the application does.
    constraint appointments_no_doctor_overlap exclude using gist (
        doctor_id with =, tstzrange(starts_at, blocked_until, '[)') with &&
    ) where (status <> 'cancelled'),
    constraint appointments_no_chair_overlap exclude using gist (
        chair_id with =, tstzrange(starts_at, blocked_until, '[)') with &&
    ) where (status <> 'cancelled' and chair_id is not null)
);
create index appointments_starts_at_idx on appointments (starts_at);
create index appointments_patient_idx on appointments (patient_id);
create index appointments_doctor_starts_idx on appointments (doctor_id, starts_at);

-- Short-lived reservations while a caller confirms; live holds never overlap either.
create table slot_holds (
    id            uuid primary key,
    doctor_id     uuid not null references doctors (id) on delete cascade,
    type_id       uuid not null references appointment_types (id) on delete cascade,
    chair_id      uuid references chairs (id) on delete cascade,
    starts_at     timestamptz not null,
    ends_at       timestamptz not null,
    blocked_until timestamptz not null,
    expires_at    timestamptz not null,
    created_at    timestamptz not null default now(),
    check (ends_at > starts_at),
    check (blocked_until >= ends_at),
    constraint slot_holds_no_doctor_overlap exclude using gist (
        doctor_id with =, tstzrange(starts_at, blocked_until, '[)') with &&
    ),
    constraint slot_holds_no_chair_overlap exclude using gist (
        chair_id with =, tstzrange(starts_at, blocked_until, '[)') with &&
    ) where (chair_id is not null)
);
create index slot_holds_expires_idx on slot_holds (expires_at);

--rollback drop table slot_holds;
--rollback drop table appointments;
