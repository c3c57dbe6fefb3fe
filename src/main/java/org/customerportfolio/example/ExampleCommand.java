package org.customerportfolio.example;

import java.nio.file.Path;

import org.customerportfolio.example.ExamplePortfolio.Loaded;
import org.customerportfolio.example.ExamplePortfolio.Scale;
import org.customerportfolio.shared.Formats;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Generates a portfolio from the command line and stops:
 * {@code --portfolio.example.generate=database} writes it into the configured (empty)
 * database, {@code --portfolio.example.generate=csv} writes an invoice file for the
 * ordinary import to {@code --portfolio.example.file}; {@code customers}, {@code years},
 * {@code lines-per-year} and {@code seed} set the scale.
 */
@Component
@EnableConfigurationProperties(ExampleCommand.GenerateProperties.class)
class ExampleCommand implements ApplicationRunner {

	private static final Logger logger = LoggerFactory.getLogger(ExampleCommand.class);

	private final GenerateProperties properties;

	private final ExamplePortfolio examples;

	private final Formats formats;

	private final ConfigurableApplicationContext context;

	ExampleCommand(GenerateProperties properties, ExamplePortfolio examples, Formats formats,
			ConfigurableApplicationContext context) {
		this.properties = properties;
		this.examples = examples;
		this.formats = formats;
		this.context = context;
	}

	@Override
	public void run(ApplicationArguments args) throws Exception {
		String mode = this.properties.generate();
		if (mode == null || mode.isBlank()) {
			return;
		}
		Scale scale = new Scale(this.properties.customers(), this.properties.years(), this.properties.linesPerYear(),
				this.properties.seed());
		int status = 0;
		switch (mode.strip().toLowerCase(java.util.Locale.ROOT)) {
			case "database" -> {
				Loaded loaded = this.examples.generate(scale, "command-line");
				logger.info("GENERATED customers={} lines={} evaluations={} millis={} lines/s={}", loaded.customers(),
						loaded.lines(), loaded.evaluations(), loaded.millis(),
						(loaded.millis() == 0) ? "-" : loaded.lines() * 1000 / loaded.millis());
			}
			case "csv" -> {
				InvoiceCsv.Written written = ExamplePortfolio.writeCsv(scale, this.formats.today(),
						Path.of(this.properties.file()));
				logger.info("GENERATED file={} customers={} lines={} bytes={} millis={}",
						written.file().toAbsolutePath(), written.customers(), written.lines(), written.bytes(),
						written.millis());
			}
			default -> {
				logger.error("--portfolio.example.generate must be 'database' or 'csv', not '{}'", mode);
				status = 2;
			}
		}
		int exit = status;
		System.exit(SpringApplication.exit(this.context, () -> exit));
	}

	/** What the command line asks for; the defaults are the benchmark's largest scale. */
	@ConfigurationProperties("portfolio.example")
	record GenerateProperties(@Nullable String generate,
			@org.springframework.boot.context.properties.bind.DefaultValue("100000") int customers,
			@org.springframework.boot.context.properties.bind.DefaultValue("5") int years,
			@org.springframework.boot.context.properties.bind.DefaultValue("2000000") long linesPerYear,
			@org.springframework.boot.context.properties.bind.DefaultValue("1") long seed,
			@org.springframework.boot.context.properties.bind.DefaultValue("portfolio-invoices.csv") String file) {
	}

}
