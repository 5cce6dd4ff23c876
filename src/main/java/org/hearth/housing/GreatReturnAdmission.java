package org.hearth.housing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.hearth.applications.Application;
import org.hearth.applications.ApplicationManagement;
import org.hearth.applications.ApplicationStatusChanged;
import org.hearth.applications.Status;
import org.hearth.housing.GreatReturnRegistration.Member;
import org.hearth.housing.GreatReturnRegistration.Name;
import org.hearth.platform.DisplayZone;
import org.hearth.registry.Registry;
import org.hearth.registry.Registry.NewHousehold;
import org.hearth.registry.Registry.NewPerson;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Admits the household of an approved Great Return registration: registers it in the registry and enrols it in the
 * programme, in the transaction of the approval, so that an approval never stands without its admission nor an
 * admission without its approval. Admitting twice does nothing the second time.
 */
@Component
class GreatReturnAdmission {

	private final ApplicationManagement applications;
	private final Registry registry;
	private final Programme programme;
	private final DisplayZone zone;

	GreatReturnAdmission(ApplicationManagement applications, Registry registry, Programme programme, DisplayZone zone) {
		this.applications = applications;
		this.registry = registry;
		this.programme = programme;
		this.zone = zone;
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	public void on(ApplicationStatusChanged event) {
		if (!GreatReturnRegistration.SERVICE.equals(event.serviceCode()) || event.to() != Status.APPROVED) {
			return;
		}
		if (programme.byApplication(event.application().id()).isPresent()) {
			return;
		}
		admit(applications.submitted(event.application()));
	}

	private void admit(Application application) {
		GreatReturnRegistration registration = GreatReturnRegistration.of(application.answers());
		if (registration.head() == null || registration.origin() == null || application.submittedAt() == null) {
			throw new IllegalStateException("registration " + application.reference()
					+ " lacks the head's name, the settlement of origin or its submission");
		}
		List<NewPerson> persons = new ArrayList<>();
		Integer displaced = registration.isDisplaced() && GreatReturnRegistration.inWindow(registration.displacedYear())
				? registration.displacedYear() : null;
		persons.add(person(registration.head(), registration.birthDate(), registration.birthPlace(), displaced));
		for (Member member : registration.members()) {
			if (member.name() != null) {
				persons.add(person(member.name(), member.birthDate(), null, null));
			}
		}
		UUID household = registry.register(new NewHousehold(registration.origin(), registration.currentAddress(),
				"registration:" + application.reference(), persons));
		programme.enrol(new Programme.Enrolment(application.id().id(), application.applicant(), household,
				persons.size(), registration.needs(), registration.stepFree(), registration.preferences(),
				registration.rooms(), LocalDate.ofInstant(application.submittedAt(), zone.zone())));
	}

	private static NewPerson person(Name name, @Nullable LocalDate birthDate, @Nullable String birthPlace,
			@Nullable Integer displacedYear) {
		return new NewPerson(name.given(), name.family(), null, birthDate, birthPlace, displacedYear);
	}
}
