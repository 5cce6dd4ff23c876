package org.hearth.monitoring;

/** What a heritage site is. */
public enum SiteKind {

	CHURCH, MOSQUE, MONASTERY, CEMETERY, MONUMENT, MUSEUM, OTHER
}
