package org.hearth.housing;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.hearth.applications.Application;
import org.hearth.applications.ApplicationId;
import org.hearth.applications.ApplicationManagement;
import org.hearth.applications.Status;
import org.hearth.identity.CurrentUser;
import org.hearth.registry.Registry;
import org.hearth.shared.NotFoundException;
import org.hearth.shared.RuleViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The displaced ancestor of a descendant's Great Return registration, as a caseworker found them in the registry.
 * Only staff of the case's office reach a registration, and only one whose basis is descendant; the link can be set,
 * replaced and removed while the case is being reviewed, not once a recommendation waits for a supervisor or the
 * case is decided.
 */
@Service
public class AncestorLinks {

	private static final Set<Status> CHANGEABLE = Set.of(Status.SUBMITTED, Status.IN_REVIEW,
			Status.AWAITING_APPLICANT, Status.APPEALED);

	private final ApplicationManagement applications;
	private final AncestorLinkStore links;
	private final Registry registry;
	private final Clock clock;

	AncestorLinks(ApplicationManagement applications, AncestorLinkStore links, Registry registry, Clock clock) {
		this.applications = applications;
		this.links = links;
		this.registry = registry;
		this.clock = clock;
	}

	/** A descendant's registration of the staff member's office; any other case does not exist here. */
	public record Case(Application application, GreatReturnRegistration registration) {

		public boolean changeable() {
			return CHANGEABLE.contains(application.status());
		}
	}

	@Transactional(readOnly = true)
	public Case caseFor(CurrentUser staff, ApplicationId id) {
		Application application = applications.caseFor(staff, id);
		if (!GreatReturnRegistration.SERVICE.equals(application.serviceCode())) {
			throw new NotFoundException();
		}
		GreatReturnRegistration registration = GreatReturnRegistration.of(application.answers());
		if (!registration.isDescendant()) {
			throw new NotFoundException();
		}
		return new Case(application, registration);
	}

	/** The registry person linked as the ancestor, following merges. */
	public Optional<Registry.Person> ancestor(ApplicationId id) {
		return links.person(id.id()).flatMap(registry::person);
	}

	/** Links {@code person}, replacing any earlier link. */
	@Transactional
	public void link(CurrentUser staff, ApplicationId id, UUID person) {
		requireChangeable(caseFor(staff, id));
		registry.person(person).orElseThrow(() -> new RuleViolationException("great-return.error.person-unknown"));
		links.put(id.id(), person, staff.uuid(), clock.instant());
	}

	@Transactional
	public void unlink(CurrentUser staff, ApplicationId id) {
		requireChangeable(caseFor(staff, id));
		links.remove(id.id());
	}

	private static void requireChangeable(Case found) {
		if (!found.changeable()) {
			throw new RuleViolationException("great-return.error.link-closed");
		}
	}
}
