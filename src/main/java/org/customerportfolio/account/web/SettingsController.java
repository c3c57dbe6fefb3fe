package org.customerportfolio.account.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The administrators' overview: users, criteria and the configurable lists.
 */
@Controller
class SettingsController {

	@GetMapping("/admin")
	String settings() {
		return "account/settings";
	}

}
