package org.hearth.housing;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Map;

import org.hearth.identity.Accounts;
import org.hearth.platform.Mailer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells a household by e-mail, in its language, when an offer is made, suspended because its area is no longer
 * released, or expired. After the change committed, from the event publication registry: a mail server that is
 * down delays the e-mail, it does not lose it. The e-mail only points to the account; the details are there.
 */
@Component
class HousingNotifications {

	private final Offers offers;
	private final Programme programme;
	private final Accounts accounts;
	private final Mailer mailer;
	private final ApplicationEventPublisher events;

	HousingNotifications(Offers offers, Programme programme, Accounts accounts, Mailer mailer,
			ApplicationEventPublisher events) {
		this.events = events;
		this.offers = offers;
		this.programme = programme;
		this.accounts = accounts;
		this.mailer = mailer;
	}

	/** A round's offers, each passed on as an event of its own: one failed e-mail is retried alone. */
	@ApplicationModuleListener
	void on(Offers.OffersMade made) {
		made.offers().forEach(offer -> events.publishEvent(new Offers.OfferChanged(offer, "offered")));
	}

	@ApplicationModuleListener
	void on(Offers.OfferChanged change) {
		String template = switch (change.action()) {
			case "offered", "reinstated" -> "offer-made";
			case "suspended" -> "offer-suspended";
			case "expired" -> "offer-expired";
			default -> null;
		};
		if (template == null) {
			return;
		}
		Offers.Offer offer = offers.find(change.offer());
		accounts.contact(programme.household(offer.household()).account()).ifPresent(contact -> mailer.send(
				contact.email(), contact.language(), template, Map.of("offerId", offer.id().toString(), "deadline",
						offer.deadline().format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
								.withLocale(contact.language())))));
	}
}
