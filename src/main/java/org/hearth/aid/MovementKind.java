package org.hearth.aid;

/** What a line of the stock ledger records. Which ones add to the stock and which take from it is fixed. */
public enum MovementKind {

	/** Goods arrived at the warehouse (from a donor, a convoy). */
	RECEIPT,
	/** Goods left on a shipment to a facility. */
	DISPATCH,
	TRANSFER_OUT, TRANSFER_IN,
	/** A count found more or less than the ledger says, or a correction of an earlier movement; needs a reason. */
	ADJUSTMENT,
	/** Spoiled, stolen, damaged; needs a reason. */
	LOSS,
	/** Handed out to households in a distribution round. */
	DISTRIBUTION
}
