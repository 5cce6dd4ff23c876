package org.hearth.web;

/**
 * An exception chain for the log without its messages: SQL errors quote rejected values and parsers quote input,
 * and either may be somebody's name. Class names and stack frames are enough to find the fault.
 */
final class SafeThrowable {

	private SafeThrowable() {
	}

	static String describe(Throwable throwable) {
		var text = new StringBuilder();
		for (Throwable t = throwable; t != null; t = t.getCause() == t ? null : t.getCause()) {
			text.append(t == throwable ? "" : "\n caused by ").append(t.getClass().getName());
			StackTraceElement[] frames = t.getStackTrace();
			for (int i = 0; i < Math.min(frames.length, 12); i++) {
				text.append("\n   at ").append(frames[i]);
			}
		}
		return text.toString();
	}
}
