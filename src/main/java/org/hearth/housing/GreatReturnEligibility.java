package org.hearth.housing;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.hearth.applications.Application;
import org.hearth.applications.Assessment;
import org.hearth.applications.Assessment.Criterion;
import org.hearth.applications.Assessment.StaffAction;
import org.hearth.applications.EligibilityRule;
import org.hearth.platform.DisplayZone;
import org.hearth.registry.Registry;
import org.springframework.stereotype.Component;

/**
 * The Great Return's written eligibility rule, as published on {@code /great-return/rules}. A registration is
 * eligible when all of these hold: the head of household was displaced in 1988–1994, or is the child or grandchild
 * of a person whose registry record, linked to the registration by a caseworker, shows displacement in those years;
 * the head was 18 or over on the day of registration; and no other registration of the same account has been
 * admitted to the programme. Each criterion says why it is met or not.
 */
@Component
class GreatReturnEligibility implements EligibilityRule {

	private static final String KEYS = "great-return.criterion.";

	private final AncestorLinkStore links;
	private final Registry registry;
	private final Programme programme;
	private final DisplayZone zone;
	private final Clock clock;

	GreatReturnEligibility(AncestorLinkStore links, Registry registry, Programme programme, DisplayZone zone,
			Clock clock) {
		this.links = links;
		this.registry = registry;
		this.programme = programme;
		this.zone = zone;
		this.clock = clock;
	}

	@Override
	public String serviceCode() {
		return GreatReturnRegistration.SERVICE;
	}

	@Override
	public Assessment assess(Application application) {
		GreatReturnRegistration registration = GreatReturnRegistration.of(application.answers());
		List<Criterion> criteria = new ArrayList<>();
		criteria.add(displacement(application, registration));
		criteria.add(age(application, registration));
		criteria.add(firstAdmission(application));
		return Assessment.of(criteria);
	}

	private Criterion displacement(Application application, GreatReturnRegistration registration) {
		if (registration.isDisplaced()) {
			Integer year = registration.displacedYear();
			if (year == null) {
				return new Criterion(KEYS + "displaced-year-missing", List.of(), false);
			}
			return GreatReturnRegistration.inWindow(year)
					? new Criterion(KEYS + "displaced", List.of(String.valueOf(year)), true)
					: new Criterion(KEYS + "displaced-outside", List.of(String.valueOf(year)), false);
		}
		if (registration.isDescendant()) {
			var action = new StaffAction("/cases/" + application.id() + "/ancestor", "great-return.ancestor.action");
			Optional<Registry.Person> ancestor = links.person(application.id().id()).flatMap(registry::person);
			if (ancestor.isEmpty()) {
				return new Criterion(KEYS + "ancestor-not-linked", List.of(), false, action);
			}
			Integer year = ancestor.get().displacedYear();
			return GreatReturnRegistration.inWindow(year)
					? new Criterion(KEYS + "ancestor-displaced", List.of(String.valueOf(year)), true, action)
					: new Criterion(KEYS + "ancestor-not-displaced", List.of(), false, action);
		}
		return new Criterion(KEYS + "basis-missing", List.of(), false);
	}

	private Criterion age(Application application, GreatReturnRegistration registration) {
		LocalDate born = registration.birthDate();
		if (born == null) {
			return new Criterion(KEYS + "birth-date-missing", List.of(), false);
		}
		Instant submitted = application.submittedAt() != null ? application.submittedAt() : clock.instant();
		LocalDate on = LocalDate.ofInstant(submitted, zone.zone());
		boolean adult = Period.between(born, on).getYears() >= GreatReturnRegistration.ADULT_AGE;
		return new Criterion(KEYS + (adult ? "adult" : "minor"), List.of(), adult);
	}

	private Criterion firstAdmission(Application application) {
		boolean another = programme.of(application.applicant()).stream()
				.anyMatch(household -> !household.application().equals(application.id().id()));
		return another ? new Criterion(KEYS + "already-admitted", List.of(), false)
				: new Criterion(KEYS + "first-admission", List.of(), true);
	}
}
