package org.customerportfolio.analysis.web;

import java.util.Map;

import org.customerportfolio.analysis.CriterionScale;
import org.customerportfolio.analysis.CustomerProfile;
import org.customerportfolio.analysis.readmodel.SimilarCustomers;
import org.customerportfolio.customer.CustomerManagement;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * "Customers like this one" on the customer page: a fragment the page loads with htmx.
 */
@Controller
class SimilarController {

	private final SimilarCustomers similar;

	private final CustomerManagement customers;

	private final GroupLabels labels;

	SimilarController(SimilarCustomers similar, CustomerManagement customers, GroupLabels labels) {
		this.similar = similar;
		this.customers = customers;
		this.labels = labels;
	}

	@GetMapping("/customers/{customerId}/similar")
	String similar(@PathVariable long customerId, Model model) {
		model.addAttribute("customer", this.customers.customer(customerId));
		SimilarCustomers.Result result = this.similar.similar(customerId);
		model.addAttribute("result", result);
		model.addAttribute("rated",
				result.customer()
					.map((customer) -> result.portfolio().scales().stream().anyMatch(customer::answered))
					.orElse(false));
		model.addAttribute("criterionNames", this.labels.criteria(result.portfolio()));
		model.addAttribute("levelLabels", this.labels.levels(result.portfolio()));
		model.addAttribute("answers", new Answers(this.labels.levels(result.portfolio())));
		return "analysis/similar :: card";
	}

	/** A customer's answer on a criterion as words, for the template. */
	static final class Answers {

		private final Map<String, Map<String, String>> levels;

		Answers(Map<String, Map<String, String>> levels) {
			this.levels = levels;
		}

		public String of(CustomerProfile customer, CriterionScale scale) {
			if (scale.kind() == CriterionScale.Kind.NUMBER) {
				double value = customer.numbers()[scale.index()];
				return Double.isNaN(value) ? "—" : String.valueOf(value);
			}
			StringBuilder text = new StringBuilder();
			long mask = customer.levels()[scale.index()];
			for (int bit = 0; bit < scale.levels().size(); bit++) {
				if ((mask & (1L << bit)) != 0) {
					String code = scale.levels().get(bit);
					text.append((text.length() > 0) ? ", " : "")
						.append(this.levels.getOrDefault(scale.code(), Map.of()).getOrDefault(code, code));
				}
			}
			return (text.length() == 0) ? "—" : text.toString();
		}

	}

}
