package org.hearth.housing.web;

import java.util.ArrayList;
import java.util.List;

import org.hearth.housing.GreatReturnRegistration;
import org.hearth.housing.HousingProperties;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The Great Return's written rule, for anyone: who is eligible, and the priority formula and matching policy with
 * the numbers this installation is configured with.
 */
@Controller
class GreatReturnRulesController {

	/** Unit sizes the page shows as examples of the size rule. */
	private static final int EXAMPLE_ROOMS = 5;

	private final HousingProperties policy;

	GreatReturnRulesController(HousingProperties policy) {
		this.policy = policy;
	}

	@PreAuthorize("permitAll()")
	@GetMapping("/great-return/rules")
	String rules(Model model) {
		model.addAttribute("policy", policy);
		model.addAttribute("needs", HousingProperties.NEEDS.stream()
				.map(need -> new NeedPoints(need, policy.needPoints(need))).toList());
		model.addAttribute("firstYear", String.valueOf(GreatReturnRegistration.FIRST_YEAR));
		model.addAttribute("lastYear", String.valueOf(GreatReturnRegistration.LAST_YEAR));
		model.addAttribute("adultAge", GreatReturnRegistration.ADULT_AGE);
		model.addAttribute("maxPoints", policy.maxYearsWaiting() * policy.pointsPerYearWaiting());
		List<Preference> preferences = new ArrayList<>();
		for (int i = 0; i < policy.preferenceWeights().size(); i++) {
			preferences.add(new Preference(i + 1, policy.preferenceWeights().get(i)));
		}
		model.addAttribute("preferences", preferences);
		List<Size> sizes = new ArrayList<>();
		for (int rooms = 1; rooms <= EXAMPLE_ROOMS; rooms++) {
			sizes.add(new Size(rooms, Math.max(1, rooms - policy.minPersonsPerRoomOffset()),
					policy.maxPersonsPerRoom() * rooms));
		}
		model.addAttribute("sizes", sizes);
		return "housing/great-return-rules";
	}

	record NeedPoints(String need, int points) {
	}

	record Preference(int rank, int weight) {
	}

	record Size(int rooms, int fewest, int most) {
	}
}
