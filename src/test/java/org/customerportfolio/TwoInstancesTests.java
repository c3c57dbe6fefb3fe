package org.customerportfolio;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of the application on one PostgreSQL database, started at the same moment
 * on an empty database, as a load-balanced installation runs them: the schema is migrated
 * once, a login on one is a login on the other, one customer saved through both at once
 * ends in one accepted save and one conflict, and two invoice imports at once both land
 * whole. Starts its own PostgreSQL; runs once, in the H2 pass of the build.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoInstancesTests {

	private static final String ADMIN = "admin";

	private static final String PASSWORD = "two-instances-1";

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final Pattern SESSION = Pattern.compile("SESSION=([^;]+)");

	private final HttpClient http = HttpClient.newBuilder()
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	private EmbeddedPostgres postgres;

	private final List<ConfigurableApplicationContext> instances = new ArrayList<>();

	private JdbcClient jdbc;

	@BeforeAll
	void startTwoInstancesAtOnce() throws Exception {
		this.postgres = EmbeddedPostgres.builder().start();
		String url = this.postgres.getJdbcUrl("postgres", "postgres");
		ExecutorService starting = Executors.newFixedThreadPool(2);
		try {
			CountDownLatch ready = new CountDownLatch(2);
			List<Future<ConfigurableApplicationContext>> started = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				Path data = Files.createTempDirectory("two-instances");
				started.add(starting.submit(() -> {
					ready.countDown();
					ready.await();
					// arguments, not default properties: they must win over
					// application-postgres
					return new SpringApplicationBuilder(PortfolioApplication.class).profiles("postgres")
						.run("--server.port=0", "--spring.datasource.url=" + url,
								"--spring.datasource.username=postgres", "--spring.datasource.password=",
								"--portfolio.data-dir=" + data, "--portfolio.admin.username=" + ADMIN,
								"--portfolio.admin.password=" + PASSWORD);
				}));
			}
			for (Future<ConfigurableApplicationContext> instance : started) {
				this.instances.add(instance.get());
			}
		}
		finally {
			starting.shutdown();
		}
		this.jdbc = JdbcClient.create(this.postgres.getPostgresDatabase());
	}

	@AfterAll
	void stop() throws IOException {
		this.instances.forEach(ConfigurableApplicationContext::close);
		if (this.postgres != null) {
			this.postgres.close();
		}
	}

	@Test
	void theSchemaIsMigratedOnceAndOneAdministratorExists() {
		List<String> versions = this.jdbc.sql(
				"select version from flyway_schema_history where version is not null and success order by installed_rank")
			.query(String.class)
			.list();
		assertThat(versions).isNotEmpty().doesNotHaveDuplicates();
		assertThat(this.jdbc.sql("select count(*) from flyway_schema_history where not success")
			.query(Long.class)
			.single()).isZero();
		assertThat(this.jdbc.sql("select count(*) from app_user").query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void aLoginOnOneInstanceIsALoginOnTheOther() throws Exception {
		HttpResponse<String> login = send(0, HttpRequest.newBuilder(uri(0, "/login")).GET(), null);
		String csrf = match(CSRF, login.body());
		String anonymous = match(SESSION, login.headers().firstValue("Set-Cookie").orElseThrow());
		HttpResponse<String> loggedIn = send(0,
				HttpRequest.newBuilder(uri(0, "/login"))
					.header("Content-Type", "application/x-www-form-urlencoded")
					.POST(HttpRequest.BodyPublishers
						.ofString(form(Map.of("username", ADMIN, "password", PASSWORD, "_csrf", csrf)))),
				anonymous);
		assertThat(loggedIn.statusCode()).isEqualTo(302);
		assertThat(loggedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
		String session = match(SESSION, loggedIn.headers().firstValue("Set-Cookie").orElseThrow());

		HttpResponse<String> other = send(1, HttpRequest.newBuilder(uri(1, "/customers")).GET(), session);
		assertThat(other.statusCode()).isEqualTo(200);
		assertThat(other.body()).contains(ADMIN);
		HttpResponse<String> stranger = send(1, HttpRequest.newBuilder(uri(1, "/customers")).GET(), null);
		assertThat(stranger.statusCode()).isEqualTo(302);
	}

	@Test
	void oneCustomerSavedThroughBothAtOnceEndsInOneSaveAndOneConflict() throws Exception {
		HttpResponse<String> created = send(0,
				api(0, "/api/v1/customers").header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers
						.ofString("{\"name\":\"Gedeeld B.V.\",\"externalRef\":\"TWO-1\",\"city\":\"Delft\"}")),
				null);
		assertThat(created.statusCode()).isEqualTo(201);
		long id = Long.parseLong(match(Pattern.compile("\"id\":(\\d+)"), created.body()));
		long version = Long.parseLong(match(Pattern.compile("\"version\":(\\d+)"), created.body()));

		List<Integer> statuses = atOnce((instance) -> send(instance,
				api(instance, "/api/v1/customers/" + id).header("Content-Type", "application/json")
					.PUT(HttpRequest.BodyPublishers.ofString("{\"name\":\"Gedeeld B.V.\",\"externalRef\":\"TWO-1\","
							+ "\"city\":\"Stad " + instance + "\",\"version\":" + version + "}")),
				null)
			.statusCode());

		assertThat(statuses).containsExactlyInAnyOrder(200, 409);
		String city = this.jdbc.sql("select city from customer where id = :id")
			.param("id", id)
			.query(String.class)
			.single();
		assertThat(city).isIn("Stad 0", "Stad 1");
	}

	@Test
	void twoImportsAtOnceBothLandWhole() throws Exception {
		// the files share new customers (TWO-I-25 … TWO-I-49) and one invoice number
		List<Integer> statuses = atOnce((instance) -> {
			StringBuilder file = new StringBuilder("Klantnummer;Klantnaam;Factuurnummer;Factuurdatum;Bedrag\r\n");
			for (int i = 0; i < 50; i++) {
				int customer = instance * 25 + i;
				for (int line = 0; line < 20; line++) {
					file.append("TWO-I-")
						.append(customer)
						.append(";Klant ")
						.append(customer)
						.append(";F")
						.append(instance)
						.append('-')
						.append(i)
						.append(";15-03-2025;")
						.append(100 + line)
						.append(",50\r\n");
				}
			}
			file.append("TWO-I-0;Klant 0;SHARED-1;16-03-2025;1,00\r\n");
			return importFile(instance, file.toString()).statusCode();
		});

		assertThat(statuses).containsExactly(200, 200);
		assertThat(this.jdbc.sql("select count(*) from customer where external_ref like 'TWO-I-%'")
			.query(Long.class)
			.single()).isEqualTo(75);
		assertThat(this.jdbc.sql("select count(*) from invoice_line where invoice_number like 'F%-%'")
			.query(Long.class)
			.single()).isEqualTo(2 * 50 * 20);
		// the shared invoice is replaced by the later import, never counted twice
		assertThat(this.jdbc.sql("select count(*) from invoice_line where invoice_number = 'SHARED-1'")
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	private HttpResponse<String> importFile(int instance, String csv) throws IOException, InterruptedException {
		String boundary = "----two-instances-" + instance;
		String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"lines-"
				+ instance + ".csv\"\r\nContent-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n";
		return send(instance,
				api(instance, "/api/v1/imports/invoices")
					.header("Content-Type", "multipart/form-data; boundary=" + boundary)
					.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)),
				null);
	}

	private interface Call {

		int on(int instance) throws Exception;

	}

	/**
	 * The same call on both instances, released at the same moment; statuses in order.
	 */
	private List<Integer> atOnce(Call call) throws Exception {
		ExecutorService both = Executors.newFixedThreadPool(2);
		try {
			CountDownLatch ready = new CountDownLatch(2);
			List<Future<Integer>> results = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				int instance = i;
				Callable<Integer> task = () -> {
					ready.countDown();
					ready.await();
					return call.on(instance);
				};
				results.add(both.submit(task));
			}
			List<Integer> statuses = new ArrayList<>();
			for (Future<Integer> result : results) {
				statuses.add(result.get());
			}
			return statuses;
		}
		finally {
			both.shutdown();
		}
	}

	private HttpRequest.Builder api(int instance, String path) {
		String basic = Base64.getEncoder().encodeToString((ADMIN + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
		return HttpRequest.newBuilder(uri(instance, path)).header("Authorization", "Basic " + basic);
	}

	private HttpResponse<String> send(int instance, HttpRequest.Builder request, String session)
			throws IOException, InterruptedException {
		if (session != null) {
			request.header("Cookie", "SESSION=" + session);
		}
		return this.http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(int instance, String path) {
		String port = this.instances.get(instance).getEnvironment().getProperty("local.server.port");
		return URI.create("http://localhost:" + port + path);
	}

	private static String form(Map<String, String> fields) {
		StringBuilder body = new StringBuilder();
		fields.forEach((name, value) -> body.append((body.length() > 0) ? "&" : "")
			.append(URLEncoder.encode(name, StandardCharsets.UTF_8))
			.append('=')
			.append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
		return body.toString();
	}

	private static String match(Pattern pattern, String text) {
		Matcher matcher = pattern.matcher(text);
		assertThat(matcher.find()).as("%s in %s", pattern, text).isTrue();
		return matcher.group(1);
	}

}
