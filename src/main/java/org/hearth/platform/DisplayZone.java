package org.hearth.platform;

import java.time.ZoneId;

/** The time zone in which pages, e-mails and letters show times ({@code HEARTH_TIME_ZONE}, Asia/Baku). */
public record DisplayZone(ZoneId zone) {
}
