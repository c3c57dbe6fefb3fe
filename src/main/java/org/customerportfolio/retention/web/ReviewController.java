package org.customerportfolio.retention.web;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.customerportfolio.plan.PlanDates;
import org.customerportfolio.plan.PlanManagement.ListedAction;
import org.customerportfolio.plan.PlanManagement.ListedDecision;
import org.customerportfolio.retention.EarlyWarnings.NewWarning;
import org.customerportfolio.retention.PortfolioReview;
import org.customerportfolio.retention.PortfolioReview.RatingMove;
import org.customerportfolio.retention.PortfolioReview.Report;
import org.customerportfolio.retention.PortfolioReview.RevenueMove;
import org.customerportfolio.shared.Formats;
import org.customerportfolio.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The portfolio review: pick the date of the last review and see what changed since, on
 * the page and as a meeting report in the user's language. The PDF is rendered from the
 * very template fragment the page shows, so there is one layout to keep.
 */
@Controller
class ReviewController {

	private static final String[] FONTS = { "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
			"/usr/share/fonts/TTF/DejaVuSans.ttf" };

	private final PortfolioReview review;

	private final Formats formats;

	private final MessageSource messages;

	private final SpringTemplateEngine templates;

	private final ApplicationContext application;

	ReviewController(PortfolioReview review, Formats formats, MessageSource messages, SpringTemplateEngine templates,
			ApplicationContext application) {
		this.review = review;
		this.formats = formats;
		this.messages = messages;
		this.templates = templates;
		this.application = application;
	}

	@GetMapping("/review")
	String page(@RequestParam(required = false) @Nullable String since, Model model) {
		LocalDate date = defaultDate();
		try {
			LocalDate chosen = PlanDates.parse(since, "since");
			if (chosen != null) {
				date = chosen;
			}
			model.addAttribute("report", this.review.since(date));
		}
		catch (InvalidInputException ex) {
			model.addAttribute("error", ex.violations().get(0).code());
			model.addAttribute("errorArguments", ex.violations().get(0).arguments());
			date = defaultDate();
			model.addAttribute("report", this.review.since(date));
		}
		model.addAttribute("since", (since != null && !since.isBlank()) ? since : date.toString());
		model.addAttribute("sinceDate", date.toString());
		return "retention/review";
	}

	@GetMapping("/review/report.pdf")
	void pdf(@RequestParam(required = false) @Nullable String since, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		Report report = report(since);
		WebContext context = new WebContext(JakartaServletWebApplication.buildApplication(request.getServletContext())
			.buildExchange(request, response), LocaleContextHolder.getLocale());
		context.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
				new ThymeleafEvaluationContext(this.application, null));
		context.setVariable("report", report);
		context.setVariable("pdf", true);
		String html = this.templates.process("retention/review-report", context);
		ByteArrayOutputStream pdf = new ByteArrayOutputStream();
		PdfRendererBuilder builder = new PdfRendererBuilder();
		builder.useFastMode();
		for (String font : FONTS) {
			if (new File(font).isFile()) {
				builder.useFont(new File(font), "DejaVu Sans");
			}
		}
		builder.withHtmlContent(html, request.getRequestURL().toString());
		builder.toStream(pdf);
		try {
			builder.run();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		response.setContentType("application/pdf");
		response.setHeader("Content-Disposition",
				ContentDisposition.attachment().filename(fileName(report, "pdf")).build().toString());
		response.getOutputStream().write(pdf.toByteArray());
	}

	@GetMapping("/review/report.xlsx")
	void xlsx(@RequestParam(required = false) @Nullable String since, HttpServletResponse response) throws IOException {
		Report report = report(since);
		response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		response.setHeader("Content-Disposition",
				ContentDisposition.attachment().filename(fileName(report, "xlsx")).build().toString());
		Workbooks.write(response.getOutputStream(), (workbook) -> {
			Workbooks.sheet(workbook, text("review.sheet.summary"), List.of(text("review.title"), ""))
				.row(text("review.since"), report.since())
				.row(text("review.until"), report.until())
				.row(text("review.revenueBefore"), report.revenueBefore())
				.row(text("review.revenueSince"), report.revenueSince())
				.row(text("review.ratings"), report.ratings().size())
				.row(text("review.newWarnings"), report.newWarnings().size())
				.row(text("review.decisions"), report.decisions().size())
				.row(text("review.actionsDone"), report.actionsDone().size())
				.row(text("review.overdue"), report.overdue().size());
			var ratings = Workbooks.sheet(workbook, text("review.ratings"),
					List.of(text("customer.name"), text("review.evaluatedAt"), text("review.attractivenessBefore"),
							text("review.attractiveness"), text("review.strengthBefore"), text("review.strength")));
			for (RatingMove move : report.ratings()) {
				ratings.row(move.customerName(), move.evaluatedAt().atZone(this.formats.zone()).toLocalDate(),
						move.attractivenessBefore(), move.attractiveness(), move.strengthBefore(), move.strength());
			}
			var revenue = Workbooks.sheet(workbook, text("review.revenue"), List.of(text("customer.name"),
					text("review.revenueBefore"), text("review.revenueSince"), text("review.change")));
			for (List<RevenueMove> moves : List.of(report.risers(), report.fallers())) {
				for (RevenueMove move : moves) {
					revenue.row(move.customerName(), move.before(), move.since(), move.change());
				}
			}
			var warnings = Workbooks.sheet(workbook, text("review.newWarnings"),
					List.of(text("customer.name"), text("warnings.kind"), text("review.firstSeen")));
			for (NewWarning fresh : report.newWarnings()) {
				warnings.row(fresh.warning().customerName(), text("warnings.kind." + fresh.warning().kind()),
						fresh.firstSeen().atZone(this.formats.zone()).toLocalDate());
			}
			var decisions = Workbooks.sheet(workbook, text("review.decisions"), List.of(text("plan.decidedOn"),
					text("customer.name"), text("plan.decision.what"), text("plan.reason"), text("decisions.by")));
			for (ListedDecision listed : report.decisions()) {
				var decision = listed.decision();
				String what = switch (decision.kind()) {
					case OTHER -> decision.summary();
					case STRATEGY -> this.messages.getMessage("plan.decision.strategy",
							new Object[] { text("strategy." + decision.strategy()) }, LocaleContextHolder.getLocale());
					default -> text("plan.decision." + decision.kind());
				};
				decisions.row(decision.decidedOn(), listed.customerName(), what, decision.reason(),
						decision.decidedBy());
			}
			for (String sheet : List.of("review.actionsDone", "review.overdue")) {
				var actions = Workbooks.sheet(workbook, text(sheet),
						List.of(text("plan.action.due"), text("customer.name"), text("plan.action.what"),
								text("plan.action.owner"), text("plan.action.status")));
				for (ListedAction listed : sheet.equals("review.overdue") ? report.overdue() : report.actionsDone()) {
					var action = listed.action();
					actions.row(action.dueDate(), listed.customerName(), action.description(), action.owner(),
							text("actionStatus." + action.status()));
				}
			}
		});
	}

	private Report report(@Nullable String since) {
		LocalDate date = PlanDates.parse(since, "since");
		return this.review.since((date != null) ? date : defaultDate());
	}

	private LocalDate defaultDate() {
		return this.formats.today().minusMonths(3);
	}

	private String fileName(Report report, String extension) {
		return text("review.fileName") + "-" + report.since() + "." + extension;
	}

	private String text(String code) {
		Locale locale = LocaleContextHolder.getLocale();
		return this.messages.getMessage(code, null, code, locale);
	}

}
