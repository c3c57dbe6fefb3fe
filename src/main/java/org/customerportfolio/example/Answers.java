package org.customerportfolio.example;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.customerportfolio.criteria.Axis;
import org.customerportfolio.criteria.Criterion;
import org.customerportfolio.criteria.Level;
import org.customerportfolio.example.PortfolioGenerator.Evaluation;
import org.customerportfolio.shared.Language;
import org.jspecify.annotations.Nullable;

/**
 * Turns where a relationship stands (two numbers between 0 and 1) into an answer for
 * every current criterion, whatever criteria the installation has: levels on an axis
 * follow that axis's number, the relationship type and the outlook fall to their worst
 * level when the relationship is at risk or the customer failing, other criteria get a
 * plausible level of their own.
 */
final class Answers {

	static final String RELATIONSHIP_TYPE = "relationship_type";

	static final String OUTLOOK = "business_outlook";

	/** One criterion's answer: chosen levels, or a number, or a text. */
	record Answer(Criterion criterion, List<Level> levels, @Nullable BigDecimal number, @Nullable String text) {
	}

	private Answers() {
	}

	static List<Answer> of(List<Criterion> criteria, Evaluation evaluation, Language language) {
		SplittableRandom random = new SplittableRandom(evaluation.seed());
		List<Answer> answers = new ArrayList<>();
		for (Criterion criterion : criteria) {
			if (criterion.retired()) {
				continue;
			}
			double standing = (criterion.axis() == Axis.ATTRACTIVENESS) ? evaluation.attractiveness()
					: (criterion.axis() == Axis.RELATIONSHIP_STRENGTH) ? evaluation.strength() : random.nextDouble();
			List<Level> levels = criterion.levels();
			switch (criterion.kind()) {
				case ORDINAL, SINGLE_CHOICE -> {
					if (levels.isEmpty()) {
						continue;
					}
					int worst = levels.size() - 1;
					// each criterion sits a little off its axis, the same way in every
					// evaluation of the customer
					double offset = new SplittableRandom(evaluation.customerSeed() ^ criterion.code().hashCode())
						.nextGaussian() * 0.35;
					int index = (int) Math.round((1 - standing) * worst + offset);
					index = Math.max(0, Math.min(worst, index));
					if (RELATIONSHIP_TYPE.equals(criterion.code())) {
						// "at risk" is a state the relationship is put in, not where a
						// low score drifts
						index = evaluation.atRisk() ? worst : Math.min(index, worst - 1);
					}
					if (OUTLOOK.equals(criterion.code())) {
						index = evaluation.failing() ? worst : Math.min(index, worst - 1);
					}
					answers.add(new Answer(criterion, List.of(levels.get(index)), null, null));
				}
				case MULTIPLE_CHOICE -> {
					if (levels.isEmpty()) {
						continue;
					}
					List<Level> chosen = new ArrayList<>();
					int count = 1 + random.nextInt(Math.min(3, levels.size()));
					for (int i = 0; i < count; i++) {
						Level level = levels.get(random.nextInt(Math.min(levels.size(), 5)));
						if (!chosen.contains(level)) {
							chosen.add(level);
						}
					}
					chosen.sort((a, b) -> Integer.compare(levels.indexOf(a), levels.indexOf(b)));
					answers.add(new Answer(criterion, chosen, null, null));
				}
				case NUMBER -> {
					BigDecimal min = (criterion.minValue() != null) ? criterion.minValue() : BigDecimal.ZERO;
					BigDecimal max = (criterion.maxValue() != null) ? criterion.maxValue() : BigDecimal.valueOf(100);
					BigDecimal number = min.add(max.subtract(min).multiply(BigDecimal.valueOf(standing)))
						.setScale(0, RoundingMode.HALF_UP);
					answers.add(new Answer(criterion, List.of(), number.max(min).min(max), null));
				}
				case TEXT -> answers.add(new Answer(criterion, List.of(), null, Texts.REMARK.in(language)));
			}
		}
		return answers;
	}

	/**
	 * The answers as the evaluation service takes them: level keys or numbers as text.
	 */
	static Map<String, List<String>> asInput(List<Answer> answers) {
		Map<String, List<String>> input = new LinkedHashMap<>();
		for (Answer answer : answers) {
			if (answer.number() != null) {
				input.put(answer.criterion().code(), List.of(answer.number().toPlainString()));
			}
			else if (answer.text() != null) {
				input.put(answer.criterion().code(), List.of(answer.text()));
			}
			else {
				input.put(answer.criterion().code(), answer.levels().stream().map(Level::code).toList());
			}
		}
		return input;
	}

}
