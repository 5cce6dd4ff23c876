package org.hearth.identity;

import java.io.Serializable;
import java.util.UUID;

public record AccountId(UUID id) implements Serializable {

	public static AccountId random() {
		return new AccountId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return id.toString();
	}
}
