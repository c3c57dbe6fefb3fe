package org.customerportfolio.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Logged-in users browsing and editing over HTTP, as many at once as asked: each client
 * logs in through the login form with its own session, then requests pages from a
 * weighted mix (and, when asked, rates a cell of the sheet) as fast as the server answers
 * until the time is up. Every answer other than 2xx/3xx counts as an error, except the
 * conflict an edit meets when another user rated the same customer since it was read.
 * Latencies are kept per request kind and per minute, so a soak shows whether they drift.
 */
final class LoadClient {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	/** A page in the mix: its name in the report, its path, and how often it comes. */
	record Page(String name, String path, int weight) {
	}

	/** A user's name and password. */
	record Login(String username, String password) {
	}

	/**
	 * A rating edit: the form parameters of a {@code POST /portfolio/rating}, with the
	 * evaluation the user saw (null when none).
	 */
	record Edit(long customerId, String column, String level, @Nullable Long seen) {
	}

	private final URI base;

	private final List<Page> pages;

	private final int totalWeight;

	private final Map<String, List<Long>> latencies = new ConcurrentHashMap<>();

	private final Map<Integer, List<Long>> byMinute = new ConcurrentHashMap<>();

	private final Map<String, AtomicLong> errors = new ConcurrentHashMap<>();

	private final AtomicLong requests = new AtomicLong();

	private final AtomicLong conflicts = new AtomicLong();

	LoadClient(URI base, List<Page> pages) {
		this.base = base;
		this.pages = List.copyOf(pages);
		this.totalWeight = pages.stream().mapToInt(Page::weight).sum();
	}

	/**
	 * Runs the clients and answers the figures.
	 * @param editShare the share of requests that are edits (0 for browsing only)
	 * @param edits the edit a client makes on its n-th edit
	 */
	Map<String, String> run(List<Login> logins, Duration duration, double editShare, IntFunction<Edit> edits)
			throws InterruptedException {
		// everyone logs in first (a password hash each, slow on purpose); then the clock
		// starts
		CountDownLatch loggedIn = new CountDownLatch(logins.size());
		CountDownLatch done = new CountDownLatch(logins.size());
		long[] window = new long[2];
		Object clock = new Object();
		for (int i = 0; i < logins.size(); i++) {
			Login login = logins.get(i);
			SplittableRandom random = new SplittableRandom(42 + i);
			Thread thread = new Thread(() -> {
				Session session;
				try {
					session = logIn(login);
				}
				catch (Exception ex) {
					count("login " + ex.getClass().getSimpleName() + ": " + ex.getMessage());
					loggedIn.countDown();
					done.countDown();
					return;
				}
				loggedIn.countDown();
				try {
					loggedIn.await();
					long start;
					long end;
					synchronized (clock) {
						if (window[0] == 0) {
							window[0] = System.nanoTime();
							window[1] = window[0] + duration.toNanos();
						}
						start = window[0];
						end = window[1];
					}
					client(session, random, start, end, editShare, edits);
				}
				catch (Exception ex) {
					count("client " + ex.getClass().getSimpleName() + ": " + ex.getMessage());
				}
				finally {
					done.countDown();
				}
			}, "load-" + i);
			thread.start();
		}
		done.await();
		long start = (window[0] != 0) ? window[0] : System.nanoTime();
		double seconds = (System.nanoTime() - start) / 1e9;
		Map<String, String> report = new LinkedHashMap<>();
		report.put("load.clients", String.valueOf(logins.size()));
		report.put("load.seconds", String.format("%.1f", seconds));
		report.put("load.requests", String.valueOf(this.requests.get()));
		report.put("load.throughput_per_s", String.format("%.1f", this.requests.get() / seconds));
		long errorCount = this.errors.values().stream().mapToLong(AtomicLong::get).sum();
		report.put("load.errors", String.valueOf(errorCount));
		report.put("load.edit_conflicts", String.valueOf(this.conflicts.get()));
		this.errors.forEach((kind, count) -> report.put("load.error." + kind, String.valueOf(count.get())));
		List<Long> all = new ArrayList<>();
		new TreeMap<>(this.latencies).forEach((name, list) -> {
			long[] nanos = sorted(list);
			all.addAll(list);
			report.put("load." + name + ".count", String.valueOf(nanos.length));
			report.put("load." + name + ".p50_ms", BenchResults.ms(CacheTimings.percentile(nanos, 50)));
			report.put("load." + name + ".p99_ms", BenchResults.ms(CacheTimings.percentile(nanos, 99)));
		});
		long[] everything = sorted(all);
		report.put("load.all.p50_ms", BenchResults.ms(CacheTimings.percentile(everything, 50)));
		report.put("load.all.p95_ms", BenchResults.ms(CacheTimings.percentile(everything, 95)));
		report.put("load.all.p99_ms", BenchResults.ms(CacheTimings.percentile(everything, 99)));
		new TreeMap<>(this.byMinute).forEach((minute, list) -> {
			long[] nanos = sorted(list);
			report.put("load.minute." + minute + ".p50_ms", BenchResults.ms(CacheTimings.percentile(nanos, 50)));
			report.put("load.minute." + minute + ".p99_ms", BenchResults.ms(CacheTimings.percentile(nanos, 99)));
		});
		return report;
	}

	/** A logged-in user's connection and the CSRF token its forms carry. */
	private record Session(HttpClient http, String csrf) {
	}

	private Session logIn(Login login) throws IOException, InterruptedException {
		HttpClient http = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(10))
			.build();
		String csrf = csrf(http.send(get("/login"), HttpResponse.BodyHandlers.ofString()).body());
		HttpResponse<String> loggedIn = http.send(
				post("/login", Map.of("username", login.username(), "password", login.password(), "_csrf", csrf)),
				HttpResponse.BodyHandlers.ofString());
		String landing = loggedIn.headers().firstValue("Location").orElse("");
		if (loggedIn.statusCode() != 302 || landing.contains("error")) {
			throw new IllegalStateException("login of " + login.username() + " refused");
		}
		return new Session(http, csrf(http.send(get("/portfolio"), HttpResponse.BodyHandlers.ofString()).body()));
	}

	private void client(Session session, SplittableRandom random, long start, long end, double editShare,
			IntFunction<Edit> edits) throws IOException, InterruptedException {
		HttpClient http = session.http();
		String token = session.csrf();
		int edited = 0;
		while (System.nanoTime() < end) {
			HttpRequest request;
			String name;
			if (editShare > 0 && random.nextDouble() < editShare) {
				Edit edit = edits.apply(edited++);
				name = "edit";
				Map<String, String> form = new LinkedHashMap<>(Map.of("customer", String.valueOf(edit.customerId()),
						"column", edit.column(), "level", edit.level(), "_csrf", token));
				if (edit.seen() != null) {
					form.put("seen", String.valueOf(edit.seen()));
				}
				request = post("/portfolio/rating", form);
			}
			else {
				Page page = pick(random);
				name = page.name();
				request = get(page.path().replace("{page}", String.valueOf(random.nextInt(20))));
			}
			long sent = System.nanoTime();
			HttpResponse<Void> response;
			try {
				response = http.send(request, HttpResponse.BodyHandlers.discarding());
			}
			catch (IOException ex) {
				count(name + " " + ex.getClass().getSimpleName());
				continue;
			}
			long took = System.nanoTime() - sent;
			this.requests.incrementAndGet();
			if (response.statusCode() == 409 && name.equals("edit")) {
				// someone else rated this customer since it was read: refused as it
				// should be
				this.conflicts.incrementAndGet();
			}
			else if (response.statusCode() >= 400) {
				count(name + " " + response.statusCode());
			}
			this.latencies.computeIfAbsent(name, (key) -> java.util.Collections.synchronizedList(new ArrayList<>()))
				.add(took);
			int minute = (int) ((sent - start) / 60_000_000_000L);
			this.byMinute.computeIfAbsent(minute, (key) -> java.util.Collections.synchronizedList(new ArrayList<>()))
				.add(took);
		}
	}

	private Page pick(SplittableRandom random) {
		int pick = random.nextInt(this.totalWeight);
		for (Page page : this.pages) {
			pick -= page.weight();
			if (pick < 0) {
				return page;
			}
		}
		return this.pages.get(this.pages.size() - 1);
	}

	private void count(String kind) {
		this.errors.computeIfAbsent(kind.replaceAll("[^A-Za-z0-9 ._-]", "_"), (key) -> new AtomicLong())
			.incrementAndGet();
	}

	private HttpRequest get(String path) {
		return HttpRequest.newBuilder(this.base.resolve(path)).timeout(Duration.ofSeconds(60)).GET().build();
	}

	private HttpRequest post(String path, Map<String, String> form) {
		StringBuilder body = new StringBuilder();
		form.forEach((name, value) -> body.append((body.length() > 0) ? "&" : "")
			.append(URLEncoder.encode(name, StandardCharsets.UTF_8))
			.append('=')
			.append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
		return HttpRequest.newBuilder(this.base.resolve(path))
			.timeout(Duration.ofSeconds(60))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body.toString()))
			.build();
	}

	private static String csrf(String html) {
		Matcher matcher = CSRF.matcher(html);
		if (!matcher.find()) {
			throw new IllegalStateException("no CSRF token on the page");
		}
		return matcher.group(1);
	}

	private static long[] sorted(List<Long> values) {
		long[] array;
		synchronized (values) {
			array = values.stream().mapToLong(Long::longValue).toArray();
		}
		Arrays.sort(array);
		return array;
	}

}
