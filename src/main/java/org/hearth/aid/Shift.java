package org.hearth.aid;

/**
 * The two shifts of a day at the field hospital: the day shift, then the night shift, which ends on the morning of
 * the next day.
 */
public enum Shift {

	DAY, NIGHT
}
