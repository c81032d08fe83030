--liquibase formatted sql

--changeset sofia:009-staff-users
-- People who sign in to the staff console and the staff API. E-mail addresses are stored in lower
-- case, so one address is one user however it is typed; passwords only as bcrypt hashes.
create table staff_users (
    id            uuid primary key,
    email         text not null unique check (email = lower(email) and length(email) between 3 and 254),
    display_name  text not null check (length(display_name) between 1 and 200),
    password_hash text not null check (password_hash like '$2_$%'),
    role          text not null check (role in ('admin', 'staff')),
    active        boolean not null default true,
    created_at    timestamptz not null default now(),
    last_login_at timestamptz
);

--rollback drop table staff_users;
