package org.hearth.applications;

/**
 * A service's written eligibility rule, applied to an application: another module implements it as a bean for the
 * services it runs, and this module asks it. Each criterion of the {@link Assessment} says in the reader's language
 * what was checked and whether it holds; the applicant sees it on their application, staff on the case. A caseworker
 * cannot recommend approval while the rule says the application is not eligible. At most one rule per service.
 */
public interface EligibilityRule {

	/** The code of the service this rule is for, as in its definition file. */
	String serviceCode();

	/**
	 * The rule applied to the application as it stands now: its answers, and whatever the implementing module knows
	 * about it. Called for submitted applications, each time a page shows the assessment and when a caseworker
	 * recommends approval, so it should be quick and must not change anything.
	 */
	Assessment assess(Application application);
}
