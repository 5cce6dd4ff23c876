package org.hearth.dialogue;

/**
 * What a piece of evidence is. Aid deliveries and incidents are kept as references to the records of the aid and
 * monitoring modules, by their ids, without reading those modules: the dialogue checks the reference's form only.
 */
public enum EvidenceKind {

	/** A file uploaded here: minutes, a statement, a photograph. */
	DOCUMENT,
	/** A shipment of aid, or one row of the deliveries CSV (a shipment and an item). */
	AID_DELIVERY,
	/** An incident recorded by monitoring. */
	INCIDENT,
	/** A page on the web, over https. */
	URL
}
