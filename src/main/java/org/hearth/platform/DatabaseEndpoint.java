package org.hearth.platform;

import org.jspecify.annotations.Nullable;

/** How to reach the database as one role. */
record DatabaseEndpoint(String url, String user, @Nullable String password) {

	@Override
	public String toString() {
		return "DatabaseEndpoint[" + url + " as " + user + "]";
	}
}
