package org.customerportfolio.analysis.readmodel;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.customerportfolio.analysis.AnalysisFilter;
import org.customerportfolio.analysis.Concentration;
import org.customerportfolio.analysis.CustomerFigure;
import org.customerportfolio.analysis.Measure;
import org.customerportfolio.analysis.Years;
import org.customerportfolio.analysis.readmodel.PortfolioReadModel.CustomerTotals;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The concentration of revenue or margin over the filtered customers and period.
 */
@Service
@Transactional(readOnly = true)
public class ConcentrationAnalysis {

	private final PortfolioReadModel readModel;

	private final AnalysisCache cache;

	ConcentrationAnalysis(PortfolioReadModel readModel, AnalysisCache cache) {
		this.readModel = readModel;
		this.cache = cache;
	}

	/**
	 * The analysis and what it rests on: the period, and (for margin) how many customers
	 * were left out because no margin is known for them.
	 */
	public record Result(Measure measure, Years years, Concentration concentration, int withoutMargin) {
	}

	/** Nothing when no invoice has been imported yet and no period was named. */
	public Optional<Result> analyse(AnalysisFilter filter, Measure measure) {
		return this.cache.get(new Question(filter, measure),
				(result) -> result.map((found) -> found.concentration().customers()).orElse(0),
				() -> compute(filter, measure));
	}

	private record Question(AnalysisFilter filter, Measure measure) {
	}

	private Optional<Result> compute(AnalysisFilter filter, Measure measure) {
		return this.readModel.period(filter).map((years) -> {
			List<CustomerTotals> totals = this.readModel.totals(filter, years);
			List<CustomerFigure> figures = new ArrayList<>(totals.size());
			int withoutMargin = 0;
			for (CustomerTotals customer : totals) {
				if (measure == Measure.REVENUE) {
					figures.add(new CustomerFigure(customer.customerId(), customer.name(), customer.revenue()));
				}
				else if (customer.margin() != null) {
					figures.add(new CustomerFigure(customer.customerId(), customer.name(), customer.margin()));
				}
				else {
					withoutMargin++;
				}
			}
			return new Result(measure, years, Concentration.of(figures), withoutMargin);
		});
	}

}
