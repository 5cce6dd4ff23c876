package org.hearth.housing.web;

import java.util.List;
import java.util.UUID;

import org.hearth.gazetteer.Gazetteer;
import org.hearth.housing.HousingStock;
import org.hearth.housing.Offers;
import org.hearth.housing.OfferStatus;
import org.hearth.housing.Programme;
import org.hearth.housing.Rounds;
import org.hearth.identity.CurrentUser;
import jakarta.servlet.http.HttpServletResponse;
import org.hearth.shared.ConflictException;
import org.hearth.shared.RuleViolationException;
import org.hearth.shared.UserFacingException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The household's side of the Great Return: where it stands, its place and score in each round, and its offers,
 * which it accepts or declines here. Another household's offer does not exist for it.
 */
@Controller
@PreAuthorize("hasRole('APPLICANT')")
class HomeOfferController {

	private final Programme programme;
	private final Rounds rounds;
	private final Offers offers;
	private final HousingStock stock;
	private final Gazetteer gazetteer;

	HomeOfferController(Programme programme, Rounds rounds, Offers offers, HousingStock stock, Gazetteer gazetteer) {
		this.programme = programme;
		this.rounds = rounds;
		this.offers = offers;
		this.stock = stock;
		this.gazetteer = gazetteer;
	}

	/** A household with its offers, for the page. */
	record HouseholdView(Programme.Household household, List<Offers.Offer> offers) {
	}

	@GetMapping("/great-return/home")
	String home(Model model) {
		CurrentUser user = CurrentUser.require();
		model.addAttribute("households", programme.of(user.id()).stream()
				.map(h -> new HouseholdView(h, offers.ofHousehold(h.id()))).toList());
		model.addAttribute("rounds", rounds.mine(user.id()));
		model.addAttribute("gazetteer", gazetteer);
		return "housing/home";
	}

	@GetMapping("/great-return/offers/{id}")
	String offer(@PathVariable UUID id, Model model) {
		Offers.Offer offer = offers.mine(CurrentUser.require(), id);
		model.addAttribute("offer", offer);
		model.addAttribute("unit", stock.unit(offer.unit()));
		model.addAttribute("history", offers.history(id));
		model.addAttribute("reasons", Offers.DECLINE_REASONS);
		model.addAttribute("open", offer.status() == OfferStatus.OPEN);
		model.addAttribute("gazetteer", gazetteer);
		return "housing/offer";
	}

	@PostMapping("/great-return/offers/{id}/accept")
	String accept(@PathVariable UUID id, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		try {
			offers.accept(CurrentUser.require(), id);
		}
		catch (RuleViolationException | ConflictException refused) {
			return refused(id, refused, model, response);
		}
		redirect.addAttribute("done", "accepted");
		return "redirect:/great-return/offers/" + id;
	}

	@PostMapping("/great-return/offers/{id}/decline")
	String decline(@PathVariable UUID id, @RequestParam(defaultValue = "") String reason,
			@RequestParam(defaultValue = "") String comment, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			offers.decline(CurrentUser.require(), id, reason, comment);
		}
		catch (RuleViolationException | ConflictException refused) {
			model.addAttribute("reason", reason);
			model.addAttribute("comment", comment);
			return refused(id, refused, model, response);
		}
		redirect.addAttribute("done", "declined");
		return "redirect:/great-return/offers/" + id;
	}

	/** The offer page again, with the reason of the refusal and what was typed. */
	private String refused(UUID id, UserFacingException refused, Model model, HttpServletResponse response) {
		response.setStatus(refused.status());
		model.addAttribute("error", refused.messageKey());
		return offer(id, model);
	}
}
