--liquibase formatted sql

--changeset sofia:006-telephony
-- A carrier SIP connection. Passwords are AES-256-GCM ciphertexts (SecretBox), never plaintext.
create table telephony_connections (
    id                        uuid primary key,
    name                      text not null check (length(name) between 1 and 100),
    carrier                   text not null check (carrier in ('telnyx', 'novofon', 'twilio', 'generic')),
    -- IPs or CIDRs the carrier sends calls from (validated and normalised by the application)
    inbound_addresses         text[] not null default '{}' check (cardinality(inbound_addresses) <= 50),
    inbound_username          text check (length(inbound_username) between 1 and 128),
    inbound_password          bytea,
    outbound_address          text check (length(outbound_address) between 1 and 255),
    outbound_transport        text not null default 'udp' check (outbound_transport in ('udp', 'tcp', 'tls')),
    outbound_username         text check (length(outbound_username) between 1 and 128),
    outbound_password         bytea,
    livekit_outbound_trunk_id text,
    sync_status               text not null default 'pending' check (sync_status in ('pending', 'synced')),
    synced_at                 timestamptz,
    sync_error                text check (length(sync_error) <= 2000),
    created_at                timestamptz not null default now(),
    updated_at                timestamptz not null default now(),
    -- digest credentials come as a pair
    constraint telephony_connections_inbound_digest_pair
        check ((inbound_username is null) = (inbound_password is null)),
    constraint telephony_connections_outbound_digest_pair
        check ((outbound_username is null) = (outbound_password is null)),
    -- a carrier must authenticate somehow: by source address, by digest, or both
    constraint telephony_connections_inbound_auth
        check (cardinality(inbound_addresses) > 0 or inbound_username is not null),
    constraint telephony_connections_outbound_needs_address
        check (outbound_address is not null or outbound_username is null)
);

-- A number the practice is called on. Each gets its own LiveKit inbound trunk (see docs/telephony.md).
create table phone_numbers (
    id                       uuid primary key,
    connection_id            uuid not null references telephony_connections (id),
    number                   text not null unique check (number ~ '^\+[1-9][0-9]{6,14}$'),
    label                    text not null default '' check (length(label) <= 100),
    livekit_inbound_trunk_id text,
    created_at               timestamptz not null default now(),
    updated_at               timestamptz not null default now()
);
create index phone_numbers_connection_idx on phone_numbers (connection_id);

-- How calls to a number are answered; one LiveKit dispatch rule per enabled route.
create table call_routes (
    id                       uuid primary key,
    phone_number_id          uuid not null unique references phone_numbers (id),
    agent_name               text not null default 'sofia' check (agent_name ~ '^[A-Za-z0-9_-]{1,64}$'),
    language                 text not null default 'de' check (language in ('de', 'en', 'ru')),
    greeting                 text not null default '' check (length(greeting) <= 500),
    livekit_dispatch_rule_id text,
    enabled                  boolean not null default true,
    created_at               timestamptz not null default now(),
    updated_at               timestamptz not null default now()
);

-- The only numbers a call may be transferred to.
create table transfer_targets (
    id         uuid primary key,
    kind       text not null check (kind in ('main', 'emergency', 'other')),
    number     text not null check (number ~ '^\+[1-9][0-9]{6,14}$'),
    label      text not null default '' check (length(label) <= 100),
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
);
-- at most one main and one emergency target
create unique index transfer_targets_kind_idx on transfer_targets (kind) where kind in ('main', 'emergency');

--rollback drop table transfer_targets;
--rollback drop table call_routes;
--rollback drop table phone_numbers;
--rollback drop table telephony_connections;
