package org.hearth.identity;

import java.io.Serializable;

/** An office of the agency, by its short code ("KHA"). */
public record OfficeId(String code) implements Serializable {

	@Override
	public String toString() {
		return code;
	}
}
