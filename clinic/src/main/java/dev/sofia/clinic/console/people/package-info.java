/**
 * The console's pages about people and their calls: patients (search, record, edit, register),
 * the call log and one call's detail with its transcript, the calls in progress with take-over,
 * and the messages Sofia left for staff. Every read and change goes through the patients, calls,
 * scheduling and telephony services the REST API uses; nothing here touches the database itself.
 */
package dev.sofia.clinic.console.people;
