package dev.sofia.clinic.practice;

import java.time.DayOfWeek;
import java.time.LocalTime;

/** When the practice answers patients on one day of the week; a day may have several spans. */
public record OpeningHours(DayOfWeek day, LocalTime opens, LocalTime closes) {}
