package org.hearth.platform;

import java.util.UUID;

public record DocumentId(UUID id) {

	@Override
	public String toString() {
		return id.toString();
	}
}
