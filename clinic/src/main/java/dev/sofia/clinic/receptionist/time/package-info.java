/**
 * Date and time understanding for the offline dialog engine: {@link
 * dev.sofia.clinic.receptionist.time.WhenParser} turns what a caller says ("Hätten Sie nächsten
 * Dienstag um halb zehn was frei?", "next week Thursday morning") into a {@link
 * dev.sofia.clinic.receptionist.time.When}: a range of local dates, an optional exact time and an
 * optional part of the day. No library reads German relative dates well, so this is hand-written:
 * rules of regular expressions over normalized text, most specific first.
 *
 * <h2>How phrases are read</h2>
 *
 * <ul>
 *   <li>Weeks run Monday to Sunday, for English callers too (German practice, ISO weeks). "Nächste
 *       Woche" / "next week" is next Monday–Sunday; "diese Woche" / "this week" is today–Sunday;
 *       "übernächste Woche" / "the week after next" the week after that.
 *   <li>A weekday alone, "nächsten Dienstag" and "next Tuesday" are all the next Tuesday strictly
 *       after today (on a Tuesday: a week ahead). "Diesen Freitag" / "this Friday" include today.
 *       "Dienstag nächste Woche" / "next week Tuesday" is the Tuesday of next calendar week.
 *       "Übernächsten Dienstag", "Dienstag in einer Woche", "a week from Tuesday", "Tuesday after
 *       next" and "Tuesday week" are the next Tuesday plus 7 days.
 *   <li>"In drei Tagen" / "in 3 days" and "in zwei Wochen" / "in two weeks" are the single day so
 *       far ahead (today + 14), not a week-long range.
 *   <li>"Anfang" / "early" of a week = Monday–Wednesday, "Mitte" / "mid" = Tuesday–Thursday,
 *       "Ende" / "end of" = Thursday–Friday (the working week ends on Friday). In the current week
 *       the range starts today at the earliest and, once over, moves to next week.
 *   <li>"Am Wochenende" / "at the weekend" is the coming Saturday–Sunday; "nächstes Wochenende" /
 *       "next weekend" the one of next week.
 *   <li>Explicit dates: without a year, a date that has passed this year is next year's; a day of
 *       the month alone ("am 30.", "on the 5th") is the next date with that day, today included,
 *       skipping months without it (said on 31 January: 30 March). Past years are kept
 *       ("12.03.1985"), the caller of the parser decides what to do with them.
 *   <li>Several relative days make one range over all of them ("morgen oder übermorgen", "Monday
 *       to Wednesday"), as a slot search looks at one range. An explicit date is taken alone; a
 *       weekday said with it only confirms it. "Freitag, den 13." / "Friday the 13th" is the next
 *       or second-next 13th if it is a Friday, otherwise simply the next 13th.
 *   <li>Times: hours 1–7 said without am/pm and without a part of the day mean 13:00–19:00, as a
 *       dental practice is closed at night ("um drei" = 15:00, "halb acht" = 19:30, "um 8" = 8:00);
 *       a leading zero ("07:30") means the 24-hour clock. "Abends"/"nachmittags"/"in the afternoon"
 *       move hours before noon to after noon. "Mittags"/"noon" is 12:00. "Halb eins" is 12:30.
 *   <li>Only a time, no day: today if the time is still ahead, else tomorrow. Only a part of the
 *       day: today unless that part is over (at 14:00 "vormittags" is tomorrow). "Heute" with a
 *       time that has passed stays today: the caller said so.
 *   <li>"Morgen früh", "heute Morgen", "Dienstagmorgen" are mornings, "Guten Morgen" is a greeting.
 * </ul>
 */
package dev.sofia.clinic.receptionist.time;
