--liquibase formatted sql

--changeset sofia:007-call-records
-- What the receptionist agent records about a call: who the caller turned out to be, how the call
-- ended for the practice (the outcome only moves up, see CallOutcome) and a short summary. The
-- summary is health data like the transcript and is purged with it after the retention period.
alter table call_sessions
    add column patient_id uuid constraint call_sessions_patient_fk references patients (id) on delete set null,
    add column outcome    text check (outcome in ('booked', 'rescheduled', 'cancelled', 'message', 'transferred',
                                                  'info', 'abandoned')),
    add column summary    text check (length(summary) <= 2000);
-- A patient's calls, and deleting a patient (which sets patient_id null) without a full scan.
create index call_sessions_patient_idx on call_sessions (patient_id) where patient_id is not null;
-- The hourly purge finds ended sessions that still have a summary.
create index call_sessions_summary_ended_idx on call_sessions (ended_at) where summary is not null;

-- What was said, line by line, numbered per session in the order it was appended. Health data:
-- deleted by TranscriptPurge once the session ended more than the retention period ago.
create table call_transcript_lines (
    id              uuid primary key,
    call_session_id uuid not null references call_sessions (id) on delete cascade,
    seq             int not null check (seq >= 1),
    speaker         text not null check (speaker in ('caller', 'agent', 'staff')),
    text            text not null check (length(text) between 1 and 4000),
    spoken_at       timestamptz not null,
    unique (call_session_id, seq)
);

-- Callback requests and handovers Sofia leaves for staff. Kept until staff delete them (not purged
-- with transcripts): the reason is a short note for staff, not a transcript.
create table call_messages (
    id              uuid primary key,
    call_session_id uuid references call_sessions (id) on delete set null,
    patient_id      uuid constraint call_messages_patient_fk references patients (id) on delete set null,
    kind            text not null check (kind in ('callback', 'handover')),
    caller_name     text check (length(caller_name) between 1 and 100),
    phone           text check (phone ~ '^\+[1-9][0-9]{6,14}$'),
    reason          text not null check (length(reason) between 1 and 1000),
    language        text check (language in ('de', 'en', 'ru')),
    status          text not null default 'open' check (status in ('open', 'done')),
    created_at      timestamptz not null,
    done_at         timestamptz,
    done_by         text check (length(done_by) between 1 and 100),
    check ((status = 'done') = (done_at is not null)),
    check ((status = 'done') = (done_by is not null))
);
-- The staff list: by status, newest first.
create index call_messages_status_created_idx on call_messages (status, created_at desc);
create index call_messages_session_idx on call_messages (call_session_id) where call_session_id is not null;
create index call_messages_patient_idx on call_messages (patient_id) where patient_id is not null;

--rollback drop table call_messages;
--rollback drop table call_transcript_lines;
--rollback drop index call_sessions_summary_ended_idx;
--rollback drop index call_sessions_patient_idx;
--rollback alter table call_sessions drop column summary, drop column outcome, drop column patient_id;
