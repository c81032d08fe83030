--liquibase formatted sql

--changeset sofia:005-calls
-- One row per call: a LiveKit room with a caller in it (or expected in it). Created by the connect
-- endpoint (web) or by the first webhook that names the room (phone, or a web room whose webhook
-- overtook the connect request). Status only moves forward: ringing -> active -> ended, or
-- ringing -> failed when no caller ever came.
create table call_sessions (
    id                   uuid primary key,
    room_name            text not null unique check (length(room_name) between 1 and 256),
    room_sid             text,
    -- the caller's LiveKit identity (opaque caller-<hex> on the web, sip_... on the phone)
    participant_identity text,
    sip_call_id          text,
    trunk_id             text,
    caller_number        text check (caller_number ~ '^\+[1-9][0-9]{6,14}$'),
    called_number        text check (called_number ~ '^\+[1-9][0-9]{6,14}$'),
    direction            text not null default 'inbound' check (direction in ('inbound', 'outbound')),
    channel              text not null check (channel in ('web', 'phone')),
    language             text check (language in ('de', 'en', 'ru')),
    status               text not null default 'ringing' check (status in ('ringing', 'active', 'ended', 'failed')),
    created_at           timestamptz not null,
    answered_at          timestamptz,
    ended_at             timestamptz,
    end_reason           text check (length(end_reason) between 1 and 64),
    agent_dispatch_id    text,
    agent_job_id         text,
    agent_identity       text,
    check ((status in ('ended', 'failed')) = (ended_at is not null)),
    check ((status in ('ended', 'failed')) = (end_reason is not null)),
    check (status <> 'active' or answered_at is not null),
    check (status <> 'failed' or answered_at is null)
);
-- The staff list: newest first, optionally by status, paged by (created_at, id).
create index call_sessions_created_idx on call_sessions (created_at desc, id desc);
create index call_sessions_status_created_idx on call_sessions (status, created_at desc, id desc);
-- The sweeper looks only at sessions that are still open.
create index call_sessions_open_idx on call_sessions (created_at) where status in ('ringing', 'active');

-- Every verified LiveKit webhook, exactly once (LiveKit retries; event_id deduplicates).
create table call_events (
    id                   uuid primary key,
    event_id             text not null unique check (length(event_id) between 1 and 200),
    call_session_id      uuid references call_sessions (id) on delete cascade,
    event_type           text not null check (length(event_type) between 1 and 100),
    room_name            text,
    participant_identity text,
    event_created_at     timestamptz,
    received_at          timestamptz not null,
    payload              jsonb not null
);
create index call_events_session_idx on call_events (call_session_id, event_created_at, received_at);

--rollback drop table call_events;
--rollback drop table call_sessions;
