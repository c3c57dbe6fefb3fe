package org.customerportfolio.analysis.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.customerportfolio.analysis.AnalysisFilter;
import org.customerportfolio.analysis.Concentration;
import org.customerportfolio.analysis.Measure;
import org.customerportfolio.analysis.readmodel.ConcentrationAnalysis;
import org.customerportfolio.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ContentDisposition;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The concentration page: Pareto chart and whale curve, the figures with their
 * definitions and a plain reading, the ranked customers, and the table as XLSX.
 */
@Controller
class ConcentrationController {

	/** Customers shown in the table and as Pareto bars; the export holds them all. */
	static final int TABLE_ROWS = 100;

	static final int PARETO_BARS = 40;

	static final int CURVE_POINTS = 400;

	private final ConcentrationAnalysis analysis;

	private final FilterOptions options;

	private final MessageSource messages;

	private final JsonMapper json;

	ConcentrationController(ConcentrationAnalysis analysis, FilterOptions options, MessageSource messages,
			JsonMapper json) {
		this.analysis = analysis;
		this.options = options;
		this.messages = messages;
		this.json = json;
	}

	@GetMapping("/analysis/concentration")
	String page(FilterForm form, @RequestParam(required = false) @Nullable String measure, Model model) {
		AnalysisFilter filter = this.options.addTo(model, form);
		model.addAttribute("measure", (measure != null) ? measure : "revenue");
		model.addAttribute("page", "concentration");
		if (filter == null) {
			return "analysis/concentration";
		}
		Measure chosen;
		try {
			chosen = Measure.parse(measure);
		}
		catch (InvalidInputException ex) {
			FilterOptions.problems(model, ex);
			return "analysis/concentration";
		}
		model.addAttribute("measure", chosen.code());
		this.analysis.analyse(filter, chosen).ifPresent((result) -> {
			Concentration concentration = result.concentration();
			model.addAttribute("result", result);
			model.addAttribute("concentration", concentration);
			model.addAttribute("rows",
					concentration.ranked().subList(0, Math.min(TABLE_ROWS, concentration.customers())));
			model.addAttribute("exportLink",
					FilterOptions.link("/analysis/concentration.xlsx", form, Map.of("measure", chosen.code())));
			if (concentration.hasShares()) {
				model.addAttribute("paretoChart", this.json.writeValueAsString(pareto(concentration, chosen)));
				model.addAttribute("whaleChart", this.json.writeValueAsString(whale(concentration, chosen)));
			}
		});
		return "analysis/concentration";
	}

	@GetMapping("/analysis/concentration.xlsx")
	void export(FilterForm form, @RequestParam(required = false) @Nullable String measure, HttpServletResponse response)
			throws IOException {
		Measure chosen = Measure.parse(measure);
		ConcentrationAnalysis.Result result = this.analysis.analyse(form.filter(), chosen).orElse(null);
		List<List<@Nullable Object>> rows = new ArrayList<>();
		if (result != null) {
			for (Concentration.Ranked customer : result.concentration().ranked()) {
				rows.add(java.util.Arrays.asList(customer.rank(), customer.name(), customer.value(), customer.share(),
						customer.cumulativeShare(), customer.abcClass()));
			}
		}
		String name = "concentration-" + chosen.code()
				+ ((result != null) ? "-" + result.years().from() + "-" + result.years().to() : "") + ".xlsx";
		response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(name).build().toString());
		Spreadsheet.write(response.getOutputStream(), message("analysis.concentration.title"),
				List.of(message("analysis.concentration.rank"), message("analysis.customer"),
						message("analysis.measure." + chosen.code()), message("analysis.concentration.share"),
						message("analysis.concentration.cumulative"), message("analysis.concentration.class")),
				rows);
	}

	private Map<String, Object> pareto(Concentration concentration, Measure measure) {
		List<Concentration.Ranked> bars = concentration.ranked()
			.subList(0, Math.min(PARETO_BARS, concentration.customers()));
		Map<String, Object> chart = new LinkedHashMap<>();
		chart.put("kind", "pareto");
		chart.put("title", message("analysis.concentration.pareto"));
		chart.put("file", "pareto-" + measure.code());
		chart.put("names", bars.stream().map(Concentration.Ranked::name).toList());
		chart.put("values", bars.stream().map((customer) -> customer.value().doubleValue()).toList());
		chart.put("cumulative", bars.stream().map((customer) -> round(customer.cumulativeShare())).toList());
		chart.put("valueLabel", message("analysis.measure." + measure.code()));
		chart.put("cumulativeLabel", message("analysis.concentration.cumulative"));
		chart.put("saveLabel", message("analysis.chart.png"));
		return chart;
	}

	private Map<String, Object> whale(Concentration concentration, Measure measure) {
		Map<String, Object> chart = new LinkedHashMap<>();
		chart.put("kind", "whale");
		chart.put("title", message("analysis.concentration.whale." + measure.code()));
		chart.put("file", "whale-curve-" + measure.code());
		List<double[]> points = new ArrayList<>();
		points.add(new double[] { 0, 0 });
		for (Concentration.CurvePoint point : concentration.curve(CURVE_POINTS)) {
			points.add(new double[] { round(point.customerShare()), round(point.cumulativeShare()) });
		}
		chart.put("points", points);
		chart.put("xLabel", message("analysis.concentration.customersPercent"));
		chart.put("yLabel", message("analysis.concentration.cumulative"));
		chart.put("saveLabel", message("analysis.chart.png"));
		return chart;
	}

	private static double round(@Nullable Double value) {
		return (value == null) ? 0 : Math.round(value * 100) / 100.0;
	}

	private String message(String code) {
		Locale locale = LocaleContextHolder.getLocale();
		return this.messages.getMessage(code, null, code, locale);
	}

}
