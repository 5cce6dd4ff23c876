package org.hearth.monitoring;

/**
 * A heritage site's protection status as recorded, without naming whose register: the sites of this region appear in
 * more than one state's lists, and the register says what protection was declared, not who is right.
 */
public enum Protection {

	/** On an international list, such as UNESCO's World Heritage or its tentative list. */
	INTERNATIONAL_LIST,
	/** On a national register of protected monuments. */
	NATIONAL_REGISTER,
	/** Protected locally (a district or a municipality). */
	LOCAL_REGISTER,
	/** Known to be under no protection. */
	NONE,
	UNKNOWN
}
