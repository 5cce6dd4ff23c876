package org.hearth.monitoring;

/** Where the report of an incident came from; a free-text reference says which patrol, report or article. */
public enum SourceKind {

	OBSERVER_PATROL, LOCAL_REPORT, MEDIA, AUTHORITY_STATEMENT, OTHER
}
