package org.customerportfolio.retention.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.customerportfolio.retention.Retention.Cohort;
import org.customerportfolio.retention.Retention.CohortCell;
import org.customerportfolio.retention.Retention.RetentionFigures;
import org.customerportfolio.retention.Retention.RetentionYear;
import org.customerportfolio.retention.RetentionAnalysis;
import org.customerportfolio.retention.RetentionAnalysis.Lifetime;
import org.customerportfolio.retention.RetentionAnalysis.NamedLostCustomer;
import org.customerportfolio.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The retention page: customers active, new, retained and lost per year, the cohorts, the
 * five-year loss beside the source text's 45–50 %, the lost customers and the lifetime
 * value, each with its formula; and the same as a workbook.
 */
@Controller
class RetentionController {

	static final int LOST_SHOWN = 100;

	private final RetentionAnalysis retention;

	private final MessageSource messages;

	private final JsonMapper json;

	RetentionController(RetentionAnalysis retention, MessageSource messages, JsonMapper json) {
		this.retention = retention;
		this.messages = messages;
		this.json = json;
	}

	@GetMapping("/analysis/retention")
	String page(@RequestParam(required = false) @Nullable String discount,
			@RequestParam(required = false) @Nullable Integer lostYear, Model model) {
		RetentionFigures figures = this.retention.figures();
		Double rate = null;
		try {
			rate = Percentages.parse(discount, "discount");
			model.addAttribute("lifetime", this.retention.lifetime(figures, rate));
		}
		catch (InvalidInputException ex) {
			model.addAttribute("error", ex.violations().get(0).code());
			model.addAttribute("errorArguments", ex.violations().get(0).arguments());
			model.addAttribute("lifetime", this.retention.lifetime(figures, null));
		}
		Lifetime lifetime = (Lifetime) model.getAttribute("lifetime");
		model.addAttribute("discount",
				(discount != null && !discount.isBlank()) ? discount : Percentages.format(lifetime.discountPercent()));
		model.addAttribute("figures", figures);
		model.addAttribute("currentYear", this.retention.currentYear());
		List<Integer> lostYears = figures.years()
			.stream()
			.filter((year) -> year.lost() > 0)
			.map(RetentionYear::year)
			.sorted(java.util.Comparator.reverseOrder())
			.toList();
		int shownYear = (lostYear != null && lostYears.contains(lostYear)) ? lostYear
				: lostYears.isEmpty() ? 0 : lostYears.get(0);
		model.addAttribute("lostYears", lostYears);
		model.addAttribute("lostYear", shownYear);
		model.addAttribute("lost",
				lostYears.isEmpty() ? List.of() : this.retention.lostIn(figures, shownYear, LOST_SHOWN));
		model.addAttribute("lostTotal", figures.lost().stream().filter((lost) -> lost.lostIn() == shownYear).count());
		model.addAttribute("yearsChart", this.json.writeValueAsString(yearsChart(figures)));
		model.addAttribute("cohortChart", this.json.writeValueAsString(cohortChart(figures)));
		return "retention/retention";
	}

	@GetMapping("/analysis/retention/export.xlsx")
	void export(@RequestParam(required = false) @Nullable String discount, HttpServletResponse response)
			throws IOException {
		RetentionFigures figures = this.retention.figures();
		Lifetime lifetime = this.retention.lifetime(figures, Percentages.parseOrNull(discount));
		response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		response.setHeader("Content-Disposition", "attachment; filename=\"retention.xlsx\"");
		Workbooks.write(response.getOutputStream(), (workbook) -> {
			var years = Workbooks.sheet(workbook, text("retention.sheet.years"),
					List.of(text("retention.year"), text("retention.active"), text("retention.new"),
							text("retention.retained"), text("retention.returning"), text("retention.lost"),
							text("retention.rate"), text("retention.churn"), text("retention.revenue")));
			for (RetentionYear year : figures.years()) {
				years.row(year.year(), year.active(), year.newCustomers(), year.retained(), year.returning(),
						year.lost(), year.retentionRate(), year.churnRate(), year.revenue());
			}
			years.blank()
				.row(text("retention.meanRetention"), figures.meanRetention())
				.row(text("retention.fiveYear.title"), figures.fiveYearLoss().rate())
				.row(text("retention.clv.title"), lifetime.value())
				.row(text("retention.clv.formula"));
			List<String> header = new ArrayList<>(List.of(text("retention.cohort"), text("retention.cohortSize")));
			figures.years().forEach((year) -> header.add(String.valueOf(year.year())));
			var cohorts = Workbooks.sheet(workbook, text("retention.sheet.cohorts"), header);
			int first = figures.years().isEmpty() ? 0 : figures.years().get(0).year();
			for (Cohort cohort : figures.cohorts()) {
				Object[] row = new Object[2 + figures.years().size()];
				row[0] = cohort.firstYear();
				row[1] = cohort.size();
				for (CohortCell cell : cohort.years()) {
					row[2 + cell.year() - first] = cell.share();
				}
				cohorts.row(row);
			}
			var lost = Workbooks.sheet(workbook, text("retention.sheet.lost"),
					List.of(text("retention.lostIn"), text("customer.name"), text("customer.externalRef"),
							text("retention.lastYear"), text("retention.lastYearRevenue")));
			List<RetentionYear> newestFirst = new ArrayList<>(figures.years());
			java.util.Collections.reverse(newestFirst);
			for (RetentionYear year : newestFirst) {
				if (year.lost() > 0) {
					for (NamedLostCustomer customer : this.retention.lostIn(figures, year.year(), 100_000)) {
						lost.row(customer.lostIn(), customer.name(), customer.externalRef(), customer.lastActiveYear(),
								customer.lastYearRevenue());
					}
				}
			}
		});
	}

	private Map<String, Object> yearsChart(RetentionFigures figures) {
		Map<String, Object> chart = new LinkedHashMap<>();
		chart.put("years", figures.years().stream().map((year) -> String.valueOf(year.year())).toList());
		chart.put("active", figures.years().stream().map(RetentionYear::active).toList());
		chart.put("newCustomers", figures.years().stream().map(RetentionYear::newCustomers).toList());
		chart.put("lost", figures.years().stream().map(RetentionYear::lost).toList());
		chart.put("retention", figures.years()
			.stream()
			.map((year) -> (year.retentionRate() != null) ? Math.round(year.retentionRate() * 1000) / 10.0 : null)
			.toList());
		chart.put("labels", Map.of("active", text("retention.active"), "newCustomers", text("retention.new"), "lost",
				text("retention.lost"), "retention", text("retention.rate")));
		chart.put("fileName", "retention");
		return chart;
	}

	private Map<String, Object> cohortChart(RetentionFigures figures) {
		List<String> years = figures.years().stream().map((year) -> String.valueOf(year.year())).toList();
		List<String> cohorts = figures.cohorts().stream().map((cohort) -> String.valueOf(cohort.firstYear())).toList();
		List<List<Object>> cells = new ArrayList<>();
		int first = figures.years().isEmpty() ? 0 : figures.years().get(0).year();
		for (int row = 0; row < figures.cohorts().size(); row++) {
			for (CohortCell cell : figures.cohorts().get(row).years()) {
				cells.add(List.of(cell.year() - first, row, Math.round(cell.share() * 1000) / 10.0, cell.active()));
			}
		}
		Map<String, Object> chart = new LinkedHashMap<>();
		chart.put("years", years);
		chart.put("cohorts", cohorts);
		chart.put("cells", cells);
		chart.put("labels", Map.of("cohort", text("retention.cohort"), "share", text("retention.cohortShare")));
		chart.put("fileName", "cohorts");
		return chart;
	}

	private String text(String code) {
		Locale locale = LocaleContextHolder.getLocale();
		return this.messages.getMessage(code, null, code, locale);
	}

}
