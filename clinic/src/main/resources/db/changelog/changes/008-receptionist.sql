--liquibase formatted sql

--changeset sofia:008-receptionist
-- What Sofia says about the practice beyond the calendar, per language, as the practice words it:
-- the greeting, the consent notice read at the start of a call (if any), parking, insurance,
-- directions. A missing text is simply not said (the greeting has a built-in default).
create table receptionist_texts (
    topic    text not null check (topic in ('greeting', 'consent_notice', 'parking', 'insurance', 'directions')),
    language text not null check (language in ('de', 'en', 'ru')),
    text     text not null check (length(text) between 1 and 2000),
    primary key (topic, language)
);

--rollback drop table receptionist_texts;
