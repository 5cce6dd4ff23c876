package org.hearth.gazetteer;

import java.io.Serializable;

/** A settlement by its stable slug ("susa", "agcakend-lacin"); other modules store it, never the name. */
public record SettlementId(String id) implements Serializable {

	@Override
	public String toString() {
		return id;
	}
}
