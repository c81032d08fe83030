/**
 * Pages for people: for now the practice's home page with its hours, team and services; later the
 * staff console and the voice widget's hosting.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web", allowedDependencies = "practice")
package dev.sofia.clinic.web;
