package org.hearth.applications;

import java.util.UUID;

public record ApplicationId(UUID id) {

	public static ApplicationId random() {
		return new ApplicationId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return id.toString();
	}
}
